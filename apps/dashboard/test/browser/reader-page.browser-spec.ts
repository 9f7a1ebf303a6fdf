import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectConsoleErrors, launchChromium } from './support/chromium';
import { publishedBodies, ReaderFixture, recordRequests } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Real: the reader page served by the built API at /read/:externalId, answered by the real public API, with the
 * worker triaging; decisions through the moderation API. Each test's data is its own (article ids carry the run).
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `reader-page-${state.runId}`;
const CLOSED = `reader-closed-${state.runId}`;

let browser: Browser;
const contexts: BrowserContext[] = [];

async function openReader(externalId: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: state.baseUrl, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`/read/${externalId}`);
  await page.getByRole('heading', { level: 2 }).waitFor();
  return { page, context };
}

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  // Pre-moderated: the worker leaves every comment pending, so only the moderator's decisions publish anything.
  await fx.upsertArticle(ARTICLE, {
    title: 'Night buses return to the harbour line',
    subtitle: 'The council restores the 1 a.m. service from May',
    body: 'Night buses will run again on the harbour line.',
    preModerate: true,
  });
  await fx.upsertArticle(CLOSED, { title: 'Archive: the 2019 ferry timetable', commentsOpen: false });
  const first = await fx.post(ARTICLE, { authorName: 'Ines Duarte', title: 'Finally', body: 'Finally. The last train home leaves far too early for shift workers.' });
  const reply = await fx.post(ARTICLE, { authorName: 'Bram Visser', body: 'Agreed, and the weekend timetable needs it most.', parentId: first.id });
  const other = await fx.post(ARTICLE, { authorName: 'Kofi Mensah', body: 'Will the buses take bicycles? The article does not say.' });
  for (const c of [first, reply, other]) await fx.decide(c.id, 'approve');
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('the reader page', () => {
  it("shows exactly the seed article's approved comments, threaded, and nothing else", async () => {
    const { page } = await openReader('harbour-street-cycle-lanes');
    const { welcome, oneLink, linkSpam, hiddenByAdmin } = state.comments;
    await page.getByRole('heading', { level: 1, name: welcome.articleTitle }).waitFor();
    expect((await publishedBodies(page)).sort()).toEqual([welcome.body, oneLink.body].sort());
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(linkSpam.body); // flagged reply to `welcome`
    expect(text).not.toContain(hiddenByAdmin.body);
    expect(text).not.toContain('Personal attack'); // the moderator's reason is for the author only
    await expect(page.locator('.removed-note').count()).resolves.toBe(0); // the flagged reply has no approved replies
  });

  it('nests replies under their parent and talks to nobody but the API', async () => {
    const context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`/read/${ARTICLE}`);
    const parent = page.locator('article.comment', { hasText: 'Finally. The last train' });
    await parent.waitFor();
    await expect(parent.locator('ol.replies article.comment', { hasText: 'Agreed, and the weekend' }).count()).resolves.toBe(1);
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('3 comments');
    // Newest first by default; the sort control switches to oldest first.
    const topLevel = () => page.locator('ol.thread > li > article.comment > .comment-meta .author').allTextContents();
    expect(await topLevel()).toEqual(['Kofi Mensah', 'Ines Duarte']);
    await page.getByLabel('Sort').selectOption('oldest');
    // (Polled from here: the page's CSP forbids the string evaluation waitForFunction would use.)
    await page.locator('ol.thread > li:first-child > article.comment > .comment-meta .author', { hasText: 'Ines Duarte' }).waitFor();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(state.baseUrl) && !u.startsWith('data:'))).toEqual([]);
  });

  it('holds a new comment for its author only, then shows it to everyone once approved, or "not published" with the reason once hidden', async () => {
    const author = await openReader(ARTICLE);
    const other = await openReader(ARTICLE);
    expectConsoleErrors(author.page, /the server responded with a status of 4\d\d/);
    const body = `I work nights at the hospital; this changes everything.`;

    const form = author.page.getByRole('form', { name: 'Post a comment' });
    await form.getByLabel('Your name').fill('Noor Haddad');
    await form.getByLabel('Title (optional)').fill('Good news for night shifts');
    await form.getByLabel('Your comment').fill(body);
    await form.getByRole('button', { name: 'Post comment' }).click();

    const mine = author.page.locator('article.comment.own', { hasText: body });
    await mine.waitFor();
    expect(await mine.locator('.state-badge').innerText()).toBe('Held for review');
    await expect(author.page.getByRole('status').innerText()).resolves.toContain('held for review');
    // The status message takes focus, so keyboard and screen-reader users hear the outcome.
    expect(await author.page.evaluate("document.activeElement?.getAttribute('role')")).toBe('status');
    // Kept across reloads (the private token is in this browser's localStorage) ...
    await author.page.reload();
    await mine.waitFor();
    // ... and nobody else sees it.
    await other.page.reload();
    await other.page.getByRole('heading', { level: 2 }).waitFor();
    expect(await other.page.locator('body').innerText()).not.toContain(body);

    const id = await fx.idOf(ARTICLE, body);
    await fx.decide(id, 'approve');
    for (const p of [author.page, other.page]) {
      await p.reload();
      await p.locator('article.comment:not(.own)', { hasText: body }).waitFor();
    }
    expect(await author.page.locator('article.comment.own', { hasText: body }).count()).toBe(0);
    await author.page.locator('article.comment', { hasText: body }).locator('.own-badge').waitFor();
    expect(await other.page.locator('article.comment', { hasText: body }).locator('.own-badge').count()).toBe(0);

    // A reply, hidden by the moderator with a reason: its author is told, nobody else sees anything.
    const parent = author.page.locator('article.comment:not(.own)', { hasText: 'Will the buses take bicycles?' });
    await parent.getByRole('button', { name: 'Reply to Kofi Mensah' }).click();
    const replyForm = author.page.getByRole('form', { name: 'Reply to Kofi Mensah' });
    expect(await author.page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA'); // focus moves to the reply
    const reply = `Buy a folding bike at my shop, cheapest in town!`;
    await replyForm.getByLabel('Your name').fill('Noor Haddad');
    await replyForm.getByLabel('Your reply').fill(reply);
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    const heldReply = parent.locator('article.comment.own', { hasText: reply });
    await heldReply.waitFor();
    expect(await heldReply.locator('.state-badge').innerText()).toBe('Held for review');

    await fx.decide(await fx.idOf(ARTICLE, reply), 'hide', 'Advertising is not allowed');
    await author.page.reload();
    const hidden = author.page.locator('article.comment.own', { hasText: reply });
    await hidden.waitFor();
    expect(await hidden.locator('.state-badge').innerText()).toBe('Not published');
    expect(await hidden.locator('.own-note').innerText()).toContain('Reason: Advertising is not allowed');
    await other.page.reload();
    await other.page.locator('article.comment', { hasText: body }).waitFor();
    const otherText = await other.page.locator('body').innerText();
    expect(otherText).not.toContain(reply);
    expect(otherText).not.toContain('Advertising is not allowed');

    await author.page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-page.png'), fullPage: true });
  });

  it('says in words, once, what is missing or wrong; shows the API message for a rate limit, and a plain notice when comments are closed', async () => {
    const { page } = await openReader(ARTICLE);
    const intake = recordRequests(page);
    // Chromium reports the refused posts themselves.
    expectConsoleErrors(page, /status of (400|429) .*\/comments\b/);
    const form = page.getByRole('form', { name: 'Post a comment' });
    const name = form.getByLabel('Your name');
    // Required fields are checked in the browser: nothing is sent, each problem is said once, under its field.
    await name.fill('');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await form.getByText('Please enter your name.').waitFor();
    await form.getByText('Please write your comment.').waitFor();
    const text = await page.locator('body').innerText();
    expect(text.split('Please enter your name.').length - 1).toBe(1);
    expect(text).not.toMatch(/authorName|should not be empty/);
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('authorName'); // focus on the first
    expect(intake.filter((u) => u.includes('/comments') && !u.includes('/public/'))).toEqual([]);
    await form.screenshot({ path: join(SCREENSHOT_DIR, 'reader-page-form-errors.png') });
    // Typing clears the field's error.
    await form.getByLabel('Your comment').fill('A name made of nothing visible.');
    expect(await form.getByText('Please write your comment.').count()).toBe(0);

    // What only the API can tell (a name of invisible characters): its problem, in the reader's words, once.
    await name.fill('\u200b\u200b');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const problem = form.locator('.field-error');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Your name must contain a visible character');
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('authorName');
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    // The limit itself is proven by apps/api reader-rate-limit.integration-spec; here the page is handed the API's
    // 429 answer (this one request is answered by the test) to show that the reader gets its message.
    await page.route('**/api/articles/*/comments', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
        body: JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'You are posting comments too quickly: please wait 42 seconds before posting again.' }),
      }),
    );
    await form.getByLabel('Your name').fill('Quick Poster');
    await form.getByLabel('Your comment').fill('One more thought on the night buses.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('You are posting comments too quickly: please wait 42 seconds before posting again.').waitFor();
    await page.unroute('**/api/articles/*/comments');

    const closed = await openReader(CLOSED);
    await closed.page.getByText('Comments are closed on this article.').waitFor();
    expect(await closed.page.getByRole('form').count()).toBe(0);
    expect(await closed.page.getByRole('button', { name: /^Reply/ }).count()).toBe(0);
  });

  it('is readable at phone width (375 px), without sideways scrolling', async () => {
    const { page } = await openReader(ARTICLE, { width: 375, height: 812 });
    await page.locator('article.comment').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-page-phone.png'), fullPage: true });
  });
});
