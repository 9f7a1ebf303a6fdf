import type { ModerationCommentDetail } from '@sift/shared';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { launchChromium, newDashboardPage, signIn } from './support/chromium';
import { waitFor } from './support/http';
import { createArticle, detailOf, postAndTriage, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 13: one undo behaviour for every decision. A single `a` / `h`, the card's buttons and bulk
 * approve / hide are all held a few seconds with an Undo (button or `u`) and sent after; nothing reaches the API
 * while they can be undone; leaving the page (another page of the dashboard, a reload) never drops one; every hide
 * asks for a reason. Real: the built API and worker, Postgres, Redis, headless Chromium.
 */
const state = readRunState();
const { moderator } = state.users;
const ARTICLE = `bridge-tolls-${state.runId}`;

const INSULTS = [
  { authorName: 'Abe Lorne', body: 'Whoever came up with tolls on the old bridge is an idiot.' },
  { authorName: 'Bea Tamsin', body: 'Only a moron would charge cyclists a toll to cross the river.' },
  { authorName: 'Cal Venn', body: 'The toll committee is a bunch of clueless idiots, frankly.' },
  { authorName: 'Dot Reyes', body: 'You moron, the bridge was paid off twenty years ago.' },
  { authorName: 'Eli Marsh', body: 'What an idiot plan: tolls push the lorries through the old town.' },
  { authorName: 'Fay Quill', body: 'Anyone cheering for this toll is a total moron.' },
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
const posted: ModerationCommentDetail[] = [];
/** Decisions the page sent (single or bulk), in order; playwright does not see the keepalive ones sent on leaving. */
const sent: string[] = [];

const queueUrl = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ status: ['flagged'], articleExternalId: ARTICLE }))}&sort=priority&order=DESC&page=1`;
const names = () => page.locator('tbody tr [data-author-name]').allTextContents();
const byName = (name: string) => posted.find((p) => p.authorName === name)!;
const detail = (name: string) => detailOf(state.baseUrl, token, byName(name).id);
const until = <T>(what: string, probe: () => Promise<T | undefined>) => waitFor(probe, { timeoutMs: 20_000, describe: () => what });
const becomes = (name: string, status: string) =>
  until(`${name}'s comment to be ${status}`, async () => ((await detail(name)).status === status ? true : undefined));
const undoBar = () => page.locator('[data-undo-bar]');
/** Longer than the undo window (5 s): a decision held that long would have been sent. */
const pastTheWindow = () => page.waitForTimeout(6500);

/** The queue as the server has it now (a fresh load: no list cached from the test before). */
async function openQueue(): Promise<string[]> {
  await page.goto(queueUrl);
  await page.reload();
  await page.locator('tbody tr').first().waitFor();
  return names();
}

beforeAll(async () => {
  token = await tokenFor(state.baseUrl, moderator);
  await createArticle(state.baseUrl, PUBLISHER_KEY, ARTICLE, 'Tolls for the old bridge', 'The council plans a toll on the old river bridge from spring, for cars, lorries and bicycles.');
  for (const c of INSULTS) posted.push(await postAndTriage(state.baseUrl, token, ARTICLE, c, 'flagged'));
  browser = await launchChromium();
  ({ context, page } = await newDashboardPage(browser, state.baseUrl));
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/moderation\/comments\/.+(decision)$/.test(r.url())) sent.push(new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/, ':id'));
  });
  await signIn(page, moderator.email, moderator.password);
  await page.locator('[data-panel="queues"]').waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('every decision is held with an undo, and never lost', () => {
  it('a: the row leaves at once with an Undo; u puts it back in place and nothing is ever sent', async () => {
    const order = await openQueue();
    sent.length = 0;
    await page.keyboard.press('a');
    await undoBar().getByText('Comment approved').waitFor();
    await until('the approved row to leave the list', async () => ((await names()).includes(order[0]) ? undefined : true));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-undo.png'), animations: 'disabled' });
    await page.keyboard.press('u');
    await undoBar().waitFor({ state: 'detached' });
    expect((await names())[0]).toBe(order[0]);
    await pastTheWindow();
    expect(sent).toEqual([]);
    expect((await detail(order[0])).status).toBe('flagged');
  });

  it('h always asks a reason: Enter without one is refused; the hide is sent after the window, with it', async () => {
    const order = await openQueue();
    sent.length = 0;
    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByText('A hide needs a reason').waitFor();
    await page.keyboard.press('2');
    await undoBar().getByText('Comment hidden: Hate or harassment').waitFor();
    expect(sent).toEqual([]);
    expect((await detail(order[0])).status).toBe('flagged');
    await becomes(order[0], 'hidden');
    // playwright may report the request a little after the API stored it.
    await until('the decision request to be seen', async () => (sent.length > 0 ? true : undefined));
    expect(sent).toEqual(['/api/moderation/comments/:id/decision']);
    expect((await detail(order[0])).audit.at(-1)).toMatchObject({ toStatus: 'hidden', reason: 'Hate or harassment', actorName: moderator.name });
  });

  it('leaving never drops a decision: a then Home (the undo bar follows), h then a reload (sent on the way out)', async () => {
    const order = await openQueue();
    await page.keyboard.press('a');
    await undoBar().waitFor();
    await page.getByRole('menuitem', { name: 'Home' }).click();
    await page.locator('[data-panel="queues"]').waitFor();
    // Still undoable on another page; sent when its time is up.
    await undoBar().getByText('Comment approved').waitFor();
    await becomes(order[0], 'approved');

    const next = await openQueue();
    await page.keyboard.press('h');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('1');
    await undoBar().waitFor();
    await page.reload();
    await becomes(next[0], 'hidden');
    expect((await detail(next[0])).audit.at(-1)).toMatchObject({ toStatus: 'hidden', reason: 'Personal attack' });
  });

  it('bulk hide asks a reason and is undoable; bulk approve is held the same way and survives a reload', async () => {
    const order = await openQueue();
    expect(order.length).toBeGreaterThanOrEqual(3);
    sent.length = 0;
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.locator('[data-bulk="hide"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Hide 2 comments').waitFor();
    await page.keyboard.press('3');
    await undoBar().getByText('2 comments hidden: Spam or advertising').waitFor();
    await undoBar().getByRole('button', { name: 'Undo' }).click();
    await undoBar().waitFor({ state: 'detached' });
    expect((await names()).slice(0, 2)).toEqual(order.slice(0, 2));

    await page.keyboard.press('x');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await page.locator('[data-bulk="approve"]').click();
    await undoBar().getByText('2 comments approved').waitFor();
    expect(sent).toEqual([]);
    expect((await detail(order[0])).status).toBe('flagged');
    await page.reload();
    await becomes(order[0], 'approved');
    await becomes(order[1], 'approved');
    // Sent through the bulk endpoint, as the page was left (a keepalive request, which playwright does not report).
    expect((await detail(order[1])).audit.at(-1)).toMatchObject({ toStatus: 'approved', details: { bulk: true } });
  });
});
