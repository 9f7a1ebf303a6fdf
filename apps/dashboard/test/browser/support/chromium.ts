import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { guardBrowser } from './console-guard';

export { expectConsoleErrors } from './console-guard';

/** Debian's Chromium, driven by playwright-core; no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every context this browser opens is under the console guard (support/console-guard.ts). */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return guardBrowser(browser);
}

/** A fresh context (empty localStorage: signed out) at the size of the README screenshots. */
export async function newDashboardPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Every history entry the page's scripts add (`history.pushState`), recorded before any script runs. Chromium's own
 * bookkeeping (`history.length`, how many `framenavigated` events a load fires) differs between builds; what the app
 * itself pushes does not.
 */
export async function recordHistoryPushes(page: Page): Promise<() => Promise<string[]>> {
  // A string: the spec tsconfig has no DOM types; this runs in the page.
  await page.addInitScript(`{
    const pushes = (window.__siftPushes = []);
    const push = history.pushState.bind(history);
    history.pushState = (state, unused, url) => { pushes.push(String(url ?? '')); push(state, unused, url); };
  }`);
  return async () => (await page.evaluate('window.__siftPushes ?? []')) as string[];
}

/**
 * Open the dashboard signed out at `route`, land on the login form through one redirect, and submit it. The
 * redirect replaces the entry: the app pushes no history entry on its way to the login page (a redirect loop
 * pushes many, react-admin's own route to it pushed one or two, as its queries settled).
 */
export async function signIn(page: Page, email: string, password: string, route = '/'): Promise<void> {
  const pushes = await recordHistoryPushes(page);
  const loginUrl = route === '/' ? /#\/login$/ : /#\/login\?next=/;
  await page.goto(route);
  await page.waitForURL(loginUrl);
  await page.locator('input[name="email"]').waitFor();
  const pushed = await pushes();
  if (pushed.length > 0) throw new Error(`the way to the login page pushed history entries: ${JSON.stringify(pushed)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A fresh context (light or dark) with a staff member signing in on their way to `route` (the page is returned at once). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string },
  route: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, user.email, user.password, route);
  return page;
}

/**
 * The usual spec set-up: one Chromium for the file, and a fresh signed-out context and page for each test.
 * `ui.page` / `ui.context` are the current test's.
 */
export function useDashboardPage(baseUrl: string): { readonly page: Page; readonly context: BrowserContext } {
  let browser: Browser | undefined;
  let current: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current = await newDashboardPage(browser as Browser, baseUrl);
  });
  afterEach(async () => {
    await current?.context.close();
  });
  const need = () => {
    if (!current) throw new Error('useDashboardPage: the page exists inside tests only');
    return current;
  };
  return {
    get page() {
      return need().page;
    },
    get context() {
      return need().context;
    },
  };
}

/**
 * Pages in fresh contexts of one browser (each its own reader or moderator: own storage), opened at `path`, all
 * closed by `closeAll` (call it in afterEach).
 */
export function contextPages(browser: () => Browser, baseUrl: string) {
  const contexts: BrowserContext[] = [];
  return {
    async open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
      const context = await browser().newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, colorScheme });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(path);
      return page;
    },
    async closeAll(): Promise<void> {
      while (contexts.length) await contexts.pop()?.close();
    },
  };
}

/**
 * In a fresh context of `pages`: `user` signed in, on the comments of the article `externalId`, with the card of
 * `author`'s comment open (or only its row in view, `card: false`). Two calls are two staff members side by side.
 */
export async function openArticleQueue(
  pages: ReturnType<typeof contextPages>,
  user: { email: string; password: string },
  externalId: string,
  author: string,
  opts: { card?: boolean; scheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const page = await pages.open('/', opts.scheme);
  await signIn(page, user.email, user.password);
  await page.locator('[data-panel="queues"]').waitFor();
  await page.goto(`/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: externalId }))}`);
  const row = page.locator('tbody tr', { hasText: author });
  if (opts.card === false) {
    await row.waitFor();
    return page;
  }
  await row.locator('td').nth(2).click();
  await page.locator('[data-card] [data-section="comment"]').waitFor();
  return page;
}
