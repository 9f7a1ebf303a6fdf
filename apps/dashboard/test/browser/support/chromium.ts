import { type Browser, type BrowserContext, chromium, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core; no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export interface ConsoleProblem {
  text: string;
  url: string;
}

/** Every console error and uncaught page error, as they happen. */
export function collectConsoleErrors(page: Page): ConsoleProblem[] {
  const problems: ConsoleProblem[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push({ text: msg.text(), url: msg.location().url });
  });
  page.on('pageerror', (err) => problems.push({ text: `uncaught: ${err.stack ?? err.message}`, url: page.url() }));
  return problems;
}

/** A fresh context (empty localStorage: signed out) at the size of the README screenshots. */
export async function newDashboardPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Open the dashboard signed out, land on the login form, and submit it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/#\/login$/);
  await page.locator('input[name="email"]').waitFor();
  // One redirect to the login page, not a redirect loop (see getPermissions in authProvider.ts).
  if (((await page.evaluate('history.length')) as number) > 3) throw new Error('the login page was reached through a redirect loop');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
