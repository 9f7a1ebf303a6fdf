import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { contextPages, launchChromium, openArticleQueue } from './support/chromium';
import { ReaderFixture } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 6. Real: the built dashboard and API, the live stream (SSE through Redis). Two browser contexts are
 * two moderators with the same comment open; the decision one of them makes reaches the other's row and card from
 * the live stream, without a reload and without a 409.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `live-${state.runId}`;
const AUTHOR = 'Tomasz Wrona';
const BODY = 'The new timetable forgets everyone who works nights.';

let browser: Browser;
const pages = contextPages(() => browser, state.baseUrl);

/** Signed in, on this article's comments, with the comment's card open. */
const openCard = (who: 'moderator' | 'admin'): Promise<Page> => openArticleQueue(pages, state.users[who], ARTICLE, AUTHOR);

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  // Pre-moderated: the comment waits (pending) for a moderator.
  await fx.upsertArticle(ARTICLE, { title: 'Night timetable changes', body: 'The night timetable changes in June.', preModerate: true });
  await fx.post(ARTICLE, { authorName: AUTHOR, body: BODY });
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
});

describe('two moderators, one comment', () => {
  it("a colleague's decision updates the open row and the open card from the live stream", async () => {
    const mo = await openCard('moderator');
    const ada = await openCard('admin');
    const moRow = mo.locator('tbody tr', { hasText: AUTHOR });
    const moCard = mo.locator('[data-card] [data-section="comment"]');
    expect(await moRow.locator('.MuiChip-label', { hasText: 'pending' }).count()).toBe(1);

    await ada.locator('[data-card]').getByRole('button', { name: 'Approve' }).click();

    // Mo did nothing: the row and the card follow Ada's decision (after her undo window).
    await moRow.locator('.MuiChip-label', { hasText: 'approved' }).waitFor({ timeout: 30_000 });
    await moCard.locator('.MuiChip-label', { hasText: 'approved' }).waitFor();
    await mo.locator('[data-section="events"]', { hasText: `pending → approved by ${state.users.admin.name}` }).waitFor();
    expect(await moCard.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await mo.screenshot({ path: join(SCREENSHOT_DIR, 'queue-live-update.png') });

    // Mo's card is current: hiding it now is a decision on the new version, not a 409.
    await moCard.getByRole('button', { name: 'Hide' }).waitFor();
  });
});
