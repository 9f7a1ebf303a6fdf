import { join } from 'node:path';
import type { PresenceEntry } from '@sift/shared';
import type { Browser, Page } from 'playwright-core';
import { contextPages, expectConsoleErrors, launchChromium, openArticleQueue } from './support/chromium';
import { requestJson } from './support/http';
import { tokenFor } from './support/moderation';
import { ReaderFixture } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 6 (presence). Real: the built dashboard and API, presence in Redis, the live stream (SSE through
 * Redis). Two browser contexts are two staff members: the admin opens a comment's card, and the moderator sees her
 * name on the card ("Also looking") and an eye on the queue row; it goes when she closes the card or the tab, or
 * signs out.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `presence-${state.runId}`;
const AUTHOR = 'Ines Carvalho';
const BODY = 'The ferry timetable should be printed at every stop, not only online.';

let browser: Browser;
const pages = contextPages(() => browser, state.baseUrl);

/** Signed in, on this article's comments (the queue), with the comment's card open unless `card: false`. */
const queueAs = (who: 'moderator' | 'admin', opts: { card: boolean; scheme?: 'light' | 'dark' }): Promise<Page> =>
  openArticleQueue(pages, state.users[who], ARTICLE, AUTHOR, opts);

const ada = state.users.admin.name;
const mo = state.users.moderator.name;

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  // Pre-moderated: the comment waits (pending) for a moderator.
  await fx.upsertArticle(ARTICLE, { title: 'Ferry timetable', body: 'The ferry timetable changes in the spring.', preModerate: true });
  await fx.post(ARTICLE, { authorName: AUTHOR, body: BODY });
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
});

describe('who else is looking at a comment', () => {
  it("the colleague's name on the card and an eye on the row, gone when she closes the card", async () => {
    const admin = await queueAs('admin', { card: true });
    const moderator = await queueAs('moderator', { card: false });
    const row = moderator.locator('tbody tr', { hasText: AUTHOR });

    // The row says someone else has it open, before the moderator opens it.
    await row.locator(`[data-row-presence="${ada}"]`).waitFor();
    await row.locator('td').nth(2).click();
    const notice = moderator.locator('[data-presence]');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(`Also looking: ${ada}`);
    // Never yourself; and the admin sees the moderator in turn.
    await admin.locator(`[data-presence="${mo}"]`).waitFor();
    expect(await moderator.locator(`[data-presence*="${mo}"]`).count()).toBe(0);
    await moderator.screenshot({ path: join(SCREENSHOT_DIR, 'queue-presence.png'), animations: 'disabled' });

    // The admin closes her card: her name leaves the moderator's card and row.
    await admin.getByRole('button', { name: 'Close the card' }).click();
    await notice.waitFor({ state: 'detached' });
    await row.locator('[data-row-presence]').waitFor({ state: 'detached' });
  });

  it('closing the tab takes the name away too (dark mode)', async () => {
    const admin = await queueAs('admin', { card: true });
    const moderator = await queueAs('moderator', { card: true, scheme: 'dark' });
    const notice = moderator.locator(`[data-presence="${ada}"]`);
    await notice.waitFor();
    await moderator.locator('tbody tr', { hasText: AUTHOR }).locator(`[data-row-presence="${ada}"]`).waitFor();
    await moderator.screenshot({ path: join(SCREENSHOT_DIR, 'queue-presence-dark.png'), animations: 'disabled' });

    // The admin's tab goes away (the page is left): the goodbye is sent as it unloads, not after the TTL.
    await admin.goto('about:blank');
    await notice.waitFor({ state: 'detached' });
  });

  it('signing out says goodbye before the session is cleared: the name leaves at once, not after the 30 s lapse', async () => {
    const id = await fx.idOf(ARTICLE, BODY);
    const admin = await queueAs('admin', { card: true });
    const moderator = await queueAs('moderator', { card: true });
    const notice = moderator.locator(`[data-presence="${ada}"]`);
    await notice.waitFor();

    // react-admin resets its store as it signs out, and the queue still mounted asks for its list once more, with no
    // session left (the call fails at once, nothing is sent).
    expectConsoleErrors(admin, /Error: signed out/);
    await admin.getByRole('button', { name: 'Profile' }).click();
    await admin.getByRole('menuitem', { name: 'Logout' }).click();
    await admin.waitForURL(/#\/login/);
    // The login page shows once the sign-out is done: by then the API has let her go (red before: her entry stayed
    // until its 30 s lapse, the goodbye had no session to go with).
    const token = await tokenFor(state.baseUrl, state.users.moderator);
    const open = await requestJson<PresenceEntry[]>(state.baseUrl, '/api/moderation/presence', { token });
    expect(open.filter((e) => e.commentId === id).map((e) => e.name)).toEqual([mo]);
    await notice.waitFor({ state: 'detached' });
  });
});
