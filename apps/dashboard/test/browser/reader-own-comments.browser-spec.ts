import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { publishedBodies, ReaderFixture, recordRequests } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, items 2 and 21 (reader half). Real: the reader page served by the built API, the worker triaging, the
 * moderator's decisions through the moderation API. Nothing is reloaded: the author's own comment changes in place.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const OPEN = `own-open-${state.runId}`;
const HELD = `own-held-${state.runId}`;

let browser: Browser;
let context: BrowserContext;

async function openReader(externalId: string): Promise<{ page: Page; navigations: () => number }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  let count = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) count += 1;
  });
  await page.goto(`/read/${externalId}`);
  await page.getByRole('heading', { level: 2 }).waitFor();
  return { page, navigations: () => count };
}

async function post(page: Page, name: string, body: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Post a comment' });
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel('Your comment').fill(body);
  await form.getByRole('button', { name: 'Post comment' }).click();
}

const heading = (page: Page) => page.getByRole('heading', { level: 2 }).innerText();

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  // Not pre-moderated: the worker approves a clean comment a few ms after intake.
  await fx.upsertArticle(OPEN, { title: 'The library opens on Sundays', body: 'From March the central library opens on Sundays.' });
  // Pre-moderated: the worker leaves every comment pending; only the moderator publishes.
  await fx.upsertArticle(HELD, { title: 'Tram fares rise in April', body: 'Single tickets cost more from April.', preModerate: true });
  const first = await fx.post(HELD, { authorName: 'Lena Brandt', body: 'Monthly passes stay the same, which is something.' });
  await fx.decide(first.id, 'approve');
});

beforeEach(async () => {
  context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 } });
});

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
});

describe("the author's own comment, without a reload", () => {
  it('moves into the thread and the count once the worker approves it', async () => {
    const { page, navigations } = await openReader(OPEN);
    expect(await heading(page)).toBe('0 comments');
    const body = 'Sunday opening will help students who work during the week.';
    await post(page, 'Omar Said', body);

    const published = page.locator('article.comment:not(.own)', { hasText: body });
    await published.waitFor();
    await published.locator('.own-badge').waitFor();
    expect(await heading(page)).toBe('1 comment');
    expect(await page.locator('article.comment.own').count()).toBe(0);
    expect(navigations()).toBe(1);
  });

  it('keeps checking while it is held: approved later → shown; hidden later → "not published" with the reason', async () => {
    const { page, navigations } = await openReader(HELD);
    expect(await heading(page)).toBe('1 comment');

    const kept = 'The price rise should come with more evening trams.';
    await post(page, 'Ruth Adeyemi', kept);
    const held = page.locator('article.comment.own', { hasText: kept });
    await held.waitFor();
    expect(await held.locator('.state-badge').innerText()).toBe('Held for review');
    // The moderator decides only after the page has seen "held" (the first checks said pending).
    await fx.decide(await fx.idOf(HELD, kept), 'approve');
    await page.locator('article.comment:not(.own)', { hasText: kept }).waitFor();
    expect(await page.locator('article.comment.own', { hasText: kept }).count()).toBe(0);
    expect(await heading(page)).toBe('2 comments');

    const refused = 'Buy cheap tram passes from my website, best prices!';
    await post(page, 'Ruth Adeyemi', refused);
    const mine = page.locator('article.comment.own', { hasText: refused });
    await mine.waitFor();
    await fx.decide(await fx.idOf(HELD, refused), 'hide', 'Advertising is not allowed');
    await mine.locator('.state-badge', { hasText: 'Not published' }).waitFor();
    expect(await mine.locator('.own-note').innerText()).toContain('Reason: Advertising is not allowed');
    expect(await publishedBodies(page)).not.toContain(refused);
    expect(await heading(page)).toBe('2 comments');
    expect(navigations()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-page-own-comments.png'), fullPage: true });
  });
});

describe('the reader page loads', () => {
  it('the article, the thread and "my comments" once each', async () => {
    // An author with a decided comment of their own (nothing held, so nothing to keep checking).
    const { id, readerToken } = await fx.post(HELD, { authorName: 'Pia Lund', body: 'Will the night fares rise too?' });
    await fx.decide(id, 'hide', 'Duplicate question');
    // Only on the API's origin: about:blank (a new page's first document) has no localStorage and would throw.
    await context.addInitScript(`if (location.origin !== 'null') localStorage.setItem(${JSON.stringify(`sift.reader.tokens.${HELD}`)}, ${JSON.stringify(JSON.stringify([readerToken]))})`);
    const body = 'Will the night fares rise too?';

    const again = await context.newPage();
    const requests = recordRequests(again);
    await again.goto(`/read/${HELD}`);
    await again.locator('article.comment.own', { hasText: body }).waitFor();
    await again.waitForLoadState('networkidle');
    const api = requests.filter((u) => u.includes('/api/')).map((u) => new URL(u).pathname);
    expect(api.sort()).toEqual([`/api/public/articles/${HELD}`, `/api/public/articles/${HELD}/comments`, '/api/public/comments/mine'].sort());
  });
});
