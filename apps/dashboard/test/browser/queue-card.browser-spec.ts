import type { ModerationCommentDetail } from '@sift/shared';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { launchChromium, signedInPage } from './support/chromium';
import { waitFor } from './support/http';
import { createArticle, detailOf, postAndTriage, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17: the comment card and the list around it. Item 12: on a long comment the reasons come first and the
 * text folds; item 14: every card has a link that opens the queue with that card open; item 15: the list exports
 * as CSV, filtered as it is shown. Real: the built API and worker, Postgres, Redis, headless Chromium.
 */
const state = readRunState();
const { moderator } = state.users;
const ARTICLE = `harbour-wall-${state.runId}`;

const paragraph = [
  'The harbour wall has been crumbling for a decade and every winter storm takes another chunk of it into the sea.',
  'The council keeps commissioning reports instead of repairs, and the fishermen are paying for it with damaged boats.',
  'I have lived on the front for thirty years and I have watched three consultants walk the wall with clipboards.',
  'None of them came back, and the estimate doubles each time someone finally opens the file again.',
].join(' ');
const LONG = {
  authorName: 'Harbour Resident',
  body: `${Array.from({ length: 6 }, () => paragraph).join('\n\n')}\n\nAnd the engineer who signed off the last patch job is an idiot.`,
};
const SHORT = [
  { authorName: 'Net Mender', body: 'Only a moron would patch a sea wall with ordinary concrete.' },
  { authorName: 'Quay Walker', body: 'The harbour master is an idiot for letting lorries park on the wall.' },
];

let browser: Browser;
let token: string;
let long: ModerationCommentDetail;
const posted: ModerationCommentDetail[] = [];

const queueUrl = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ status: ['flagged'], articleExternalId: ARTICLE }))}&sort=priority&order=DESC&page=1`;

const moderatorAt = (route: string, colorScheme: 'light' | 'dark' = 'light') => signedInPage(browser, state.baseUrl, moderator, route, colorScheme);

beforeAll(async () => {
  token = await tokenFor(state.baseUrl, moderator);
  await createArticle(state.baseUrl, PUBLISHER_KEY, ARTICLE, 'Harbour wall repairs delayed again', 'The council has postponed the repair of the harbour wall to next year.');
  long = await postAndTriage(state.baseUrl, token, ARTICLE, LONG, 'flagged');
  posted.push(long);
  for (const c of SHORT) posted.push(await postAndTriage(state.baseUrl, token, ARTICLE, c, 'flagged'));
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the comment card and the list', () => {
  it('a long comment: "Why it is here" comes first, in view, and the text is folded until asked', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await moderatorAt(queueUrl, scheme);
      await page.locator('tbody tr', { hasText: LONG.authorName }).click();
      const card = page.locator(`[data-card="${long.id}"]`);
      await card.locator('[data-section="author"]').waitFor();
      const sections = await card.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
      expect(sections.slice(0, 2)).toEqual(['flags', 'comment']);
      const flags = (await card.locator('[data-section="flags"]').boundingBox())!;
      expect(flags.y + flags.height).toBeLessThan(800);
      const body = card.locator('[data-field="body"]');
      expect(await body.getAttribute('data-folded')).toBe('true');
      const folded = (await body.boundingBox())!.height;
      await page.waitForTimeout(600); // the drawer's slide-in
      await page.screenshot({ path: join(SCREENSHOT_DIR, `queue-card-long${scheme === 'dark' ? '-dark' : ''}.png`), animations: 'disabled' });
      await card.locator('[data-fold]').click();
      expect(await body.getAttribute('data-folded')).toBeNull();
      expect((await body.boundingBox())!.height).toBeGreaterThan(folded * 2);
      await page.context().close();
    }
  });

  it('every card has a link: signed out, it leads through sign-in to the queue with that card open', async () => {
    const page = await moderatorAt(queueUrl);
    const target = posted[2];
    await page.locator('tbody tr', { hasText: target.authorName }).click();
    const href = await page.locator('[data-card-link]').getAttribute('href');
    expect(href).toContain(`card=${target.id}`);
    await page.context().close();

    const route = `/${href!.slice(href!.indexOf('#'))}`;
    const other = await moderatorAt(route);
    await other.locator(`[data-card="${target.id}"] [data-section="flags"]`).waitFor();
    expect(await other.locator('[data-row-focused="true"]').getAttribute('data-row-id')).toBe(target.id);
    await other.context().close();
  });

  it('exports the list as filtered to CSV, every row of it', async () => {
    const page = await moderatorAt(queueUrl);
    await page.getByText(`1-${posted.length} of ${posted.length}`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('comments-flagged.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header.split(',').slice(0, 6)).toEqual(['id', 'status', 'priority', 'receivedAt', 'author', 'authorKey']);
    for (const p of posted) expect(csv).toContain(p.id);
    // Only this article's comments: the seeded flagged link spam is filtered out.
    expect(csv).not.toContain(state.comments.linkSpam.authorName);
    expect(lines.filter((l) => /^[0-9a-f-]{36},/.test(l))).toHaveLength(posted.length);
    expect(csv).toContain('Insults and name-calling');
    expect((await detailOf(state.baseUrl, token, long.id)).status).toBe('flagged');
    await page.context().close();
  });

  it('queue keys act on the queue only: after a click in the menu, a approves and the focus is on the list, not "Approved"', async () => {
    const page = await moderatorAt(queueUrl);
    await page.locator('tbody tr').first().waitFor();
    // The menu item of the queue that is open: the moderator clicked it, the focus was left on it.
    await page.locator('[data-queue="flagged"]').click();
    await page.locator('[data-row-focused="true"]').waitFor();
    const url = page.url();
    await page.keyboard.press('a');
    await page.locator('[data-undo-bar]').getByText('Comment approved').waitFor();
    const focusIn = () => page.evaluate(`(() => { const a = document.activeElement; return a?.closest('[data-queue-list]') ? 'list' : a?.closest('.RaSidebar-root, nav, [role=menu]') ? 'menu: ' + a.textContent : String(a?.tagName); })()`);
    expect(await focusIn()).toBe('list');
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(url);
    // Taken back: nothing reaches the API (this queue holds other specs' comments too).
    await page.keyboard.press('u');
    await page.locator('[data-undo-bar]').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('a reply under a flagged comment warns that readers will not see what it answers, and offers "Approve and reply"', async () => {
    const page = await moderatorAt(queueUrl);
    const target = posted[1];
    await page.locator('tbody tr', { hasText: target.authorName }).click();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-reply-warning="flagged"]').waitFor();
    await waitFor(async () => ((await page.evaluate('document.activeElement?.getAttribute("name")')) === 'reply' ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'the reply box to have the focus',
    });
    expect(await dialog.locator('[data-reply-warning]').textContent()).toContain('“This comment is not shown.”');
    await page.keyboard.type('Concrete is what the engineers specified; the report is linked in the article.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-reply-warning.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Approve and reply' }).click();
    await page.getByText(`Reply to ${target.authorName} published`).waitFor();
    const after = await detailOf(state.baseUrl, token, target.id);
    expect(after.status).toBe('approved');
    expect(after.replies).toEqual([expect.objectContaining({ staff: true, status: 'approved' })]);
    expect(after.audit.map((e) => e.toStatus ?? e.reason)).toEqual(expect.arrayContaining(['approved', 'moderator replied']));
    await page.context().close();
  });
});
