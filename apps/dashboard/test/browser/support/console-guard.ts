import type { Browser, BrowserContext, ConsoleMessage, Page, WebError } from 'playwright-core';

/**
 * The console guard: every browser spec fails on a console error or an uncaught page error (React's development
 * warnings included: the browser tier serves a development build, see docs/testing.md) unless the spec declared
 * that it expects it with `expectConsoleErrors(page, /pattern/)`. `guardBrowser` hooks every context a browser
 * opens; jest.browser-setup.ts checks after each test (and after each file, for set-up code).
 */
export interface ConsoleProblem {
  text: string;
  url: string;
  page: Page | null;
}

const seen: ConsoleProblem[] = [];
const expected = new WeakMap<Page | BrowserContext, RegExp[]>();

/** Declare that `target` (a page, or every page of a context) may log errors matching these patterns. */
export function expectConsoleErrors(target: Page | BrowserContext, ...patterns: RegExp[]): void {
  expected.set(target, [...(expected.get(target) ?? []), ...patterns]);
}

function guardContext(context: BrowserContext): BrowserContext {
  context.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    seen.push({ text: where ? `${msg.text()} (at ${where})` : msg.text(), url: msg.page()?.url() ?? '', page: msg.page() });
  });
  context.on('weberror', (err: WebError) => {
    const e = err.error();
    seen.push({ text: `uncaught: ${e.stack ?? e.message}`, url: err.page()?.url() ?? '', page: err.page() });
  });
  return context;
}

/** Every context `browser.newContext()` opens from now on is guarded. */
export function guardBrowser(browser: Browser): Browser {
  const open = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => guardContext(await open(...args));
  return browser;
}

const isExpected = (p: ConsoleProblem) => {
  const patterns = [...(p.page ? (expected.get(p.page) ?? []) : []), ...(p.page ? (expected.get(p.page.context()) ?? []) : [])];
  return patterns.some((re) => re.test(p.text));
};

/** The unexpected problems logged since the last call (and forget them all). */
export function takeUnexpectedConsoleErrors(): ConsoleProblem[] {
  const all = seen.splice(0, seen.length);
  return all.filter((p) => !isExpected(p));
}

export function assertNoConsoleErrors(when: string): void {
  const problems = takeUnexpectedConsoleErrors();
  if (problems.length === 0) return;
  const list = problems.map((p) => `  - ${p.text}${p.url ? `\n    on ${p.url}` : ''}`).join('\n');
  throw new Error(
    `${problems.length} console error(s) ${when} (declare an expected one with expectConsoleErrors(page, /pattern/)):\n${list}`,
  );
}
