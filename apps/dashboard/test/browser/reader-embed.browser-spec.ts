import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { ReaderFixture, recordRequests } from './support/reader';
import { readRunState } from './support/run-state';
import { mintAuthorToken } from './support/author-token';

/**
 * Real: the built embed.js and reader page served by the built API, mounted by a plain HTML page that a tiny
 * static server of this spec serves from another origin (another host name and port), in headless Chromium.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `reader-embed-${state.runId}`;
const XSS = `reader-xss-${state.runId}`;

const PAYLOADS = [
  '<script>window.__pwned = 1; alert("script")</script>',
  '<img src="http://attacker.invalid/x.png" onerror="window.__pwned = 2; alert(\'img\')">',
  '<a href="javascript:alert(\'link\')">click me</a> and [markdown](javascript:window.__pwned=3)',
  'javascript:alert(document.domain)',
];

let browser: Browser;
let context: BrowserContext;
let publisher: Server;
let publisherOrigin: string;

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  await fx.upsertArticle(ARTICLE, { title: 'Tram extension: the route is chosen', preModerate: true });
  await fx.upsertArticle(XSS, { title: 'A thread full of markup', preModerate: true });
  const c = await fx.post(ARTICLE, { authorName: 'Lena Park', body: 'The eastern route serves the new hospital. Good choice.' });
  await fx.decide(c.id, 'approve');
  for (const [i, body] of PAYLOADS.entries()) {
    const p = await fx.post(XSS, { authorName: `<b onmouseover=alert(${i})>Mallory ${i}</b>`, title: '<svg onload=alert(1)>', body });
    await fx.decide(p.id, 'approve');
  }

  // The publisher's site: a plain article page with the one-line embed, on another origin.
  publisher = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const article = query.get('article') ?? ARTICLE;
    // A signed-in reader: the publisher's server mints their author token for this page view (docs/reader.md).
    const token = query.get('signed-in')
      ? mintAuthorToken(query.get('signed-in') as string, 'Tina Reader')
      : null;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher</title></head><body>
      <article><h1>The Daily Example</h1><p>Article text.</p></article>
      <script src="${state.baseUrl}/embed.js" data-article="${article}"${token ? ` data-author-token="${token}"` : ''} async></script>
      <footer id="after-embed">Footer of the publisher's page</footer>
    </body></html>`);
  });
  await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
  publisherOrigin = `http://localhost:${(publisher.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => publisher?.close(resolve));
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
});
afterEach(async () => {
  await context?.close();
});

describe('the embed', () => {
  it('mounts the thread into a page of another origin, sized to its content', async () => {
    expect(new URL(publisherOrigin).origin).not.toBe(new URL(state.baseUrl).origin);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${publisherOrigin}/`);
    const iframe = page.locator('iframe.sift-comments');
    await iframe.waitFor();
    expect(await iframe.getAttribute('title')).toBe('Reader comments');
    // Right after the script tag, before the footer.
    expect(await page.evaluate("document.querySelector('iframe.sift-comments')?.nextElementSibling?.id")).toBe('after-embed');

    const frame = page.frameLocator('iframe.sift-comments');
    await frame.getByText('The eastern route serves the new hospital. Good choice.').waitFor();
    await frame.getByRole('heading', { name: 'Tram extension: the route is chosen' }).waitFor();
    await frame.getByRole('form', { name: 'Post a comment' }).waitFor();
    // Auto-height: the iframe grows or shrinks to the thread's height (no inner scrollbar).
    // (The frame is cross-origin: the publisher's page cannot read it, only the height it reports.)
    await page.waitForFunction("(() => { const f = document.querySelector('iframe.sift-comments'); return !!f && f.contentDocument === null && f.style.height !== '480px'; })()");
    const frameHeight = (await iframe.boundingBox())?.height ?? 0;
    const contentHeight = await frame.locator('html').evaluate((el) => el.scrollHeight);
    expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(2);

    // The reader posts from inside the embed: held for review, in place.
    await frame.getByLabel('Your name').fill('Omar Said');
    await frame.getByLabel('Your comment').fill('Will the trams run all night?');
    await frame.getByRole('button', { name: 'Post comment' }).click();
    await frame.locator('article.comment.own', { hasText: 'Will the trams run all night?' }).getByText('Held for review').waitFor();
  });

  it('renders <script>, <img onerror> and javascript: links in comments as inert text', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests = recordRequests(page);
    await page.goto(`${publisherOrigin}/?article=${XSS}`);
    const frame = page.frameLocator('iframe.sift-comments');
    await frame.locator('article.comment').nth(PAYLOADS.length - 1).waitFor();

    const bodies = await frame.locator('article.comment > .comment-body').allTextContents();
    expect(bodies.sort()).toEqual([...PAYLOADS].sort()); // shown exactly as typed, as text
    const comments = frame.locator('ol.thread');
    expect(await comments.locator('script, img, svg, a, iframe').count()).toBe(0);
    expect(await comments.locator('[onerror], [onmouseover], [onload]').count()).toBe(0);
    expect(await frame.locator('article.comment .author').first().innerText()).toMatch(/^<b onmouseover=alert\(\d\)>Mallory \d<\/b>$/);
    // Keyboard and mouse over everything: nothing fires.
    await frame.locator('article.comment .comment-body').first().hover();
    await frame.locator('article.comment .comment-body').first().click();
    await page.waitForTimeout(500);

    expect(dialogs).toEqual([]);
    expect(await page.frames()[1]?.evaluate('window.__pwned')).toBeUndefined();
    expect(requests.filter((u) => /attacker\.invalid|^javascript:/.test(u))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(state.baseUrl) && !u.startsWith(publisherOrigin))).toEqual([]);
  });

  // Issue 16, item 1: a signed-in reader's identity comes from the publisher's signed token, not from the body.
  it("passes a signed-in reader's token: posting as the token's name, stored under the publisher-verified id", async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${publisherOrigin}/?signed-in=tina-7`);
    const frame = page.frameLocator('iframe.sift-comments');
    await frame.getByText('Posting as').waitFor();
    expect(await frame.locator('p.signed-in').innerText()).toBe('Posting as Tina Reader');
    expect(await frame.getByLabel('Your name').count()).toBe(0);
    // The token reached the page in the iframe's fragment, which the page removed at once.
    expect(await page.frames()[1]?.evaluate('location.hash')).toBe('');

    await frame.getByLabel('Your comment').fill('Signed in, and asking about night trams.');
    await frame.getByRole('button', { name: 'Post comment' }).click();
    await frame.locator('article.comment.own', { hasText: 'Signed in, and asking about night trams.' }).getByText('Held for review').waitFor();
    const id = await fx.idOf(ARTICLE, 'Signed in, and asking about night trams.');
    const detail = await fx.detail(id);
    expect(detail).toMatchObject({ authorName: 'Tina Reader', authorKey: 'id:browser:tina-7' });
  });
});
