import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { launchChromium } from './support/chromium';
import { publishedBodies } from './support/reader';
import { readRunState, WORKSPACE_ROOT } from './support/run-state';

/**
 * Issue 17, item 1. Real: `npm start`'s own demo loader (scripts/demo/seed.mjs, as a process) loads what a fresh
 * clone loads (no `shared/` folder beside it: `--no-shared`) into the running API and worker; its account of what
 * it loaded is the start banner's. Every reader page it prints, and every one the README links, must show the
 * loaded thread.
 */
const state = readRunState();
const run = promisify(execFile);

let browser: Browser;
let context: BrowserContext;
let printed = '';

beforeAll(async () => {
  const { stdout } = await run(
    process.execPath,
    [join(WORKSPACE_ROOT, 'scripts/demo/seed.mjs'), '--base', state.baseUrl, '--publisher-key', PUBLISHER_KEY, '--no-shared'],
    { cwd: WORKSPACE_ROOT, timeout: 60_000 },
  );
  printed = stdout;
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const readerIds = (text: string, base: string) =>
  [...text.matchAll(new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/read/([A-Za-z0-9._~-]+)`, 'g'))].map((m) => (m[1] as string).replace(/\.+$/, '')); // a sentence's full stop is not part of the id

describe('npm start in a fresh clone', () => {
  it('prints the reader page of each demo article it loaded, and each shows its comment section with the thread', async () => {
    const ids = readerIds(printed, state.baseUrl);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`/read/${id}`);
      await page.getByRole('heading', { level: 2 }).waitFor();
      expect(await page.locator('body').innerText()).not.toContain('no comment section');
      // The worker publishes the clean comments a moment after intake: reload until they are there.
      for (let i = 0; (await publishedBodies(page)).length === 0; i += 1) {
        if (i > 40) throw new Error(`no published comment on /read/${id}`);
        await page.waitForTimeout(250);
        await page.reload();
        await page.getByRole('heading', { level: 2 }).waitFor();
      }
      await page.close();
    }
  });

  it("the README's reader links are pages a fresh clone's npm start loaded", () => {
    const readme = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8');
    const linked = readerIds(readme, 'http://127.0.0.1:3000');
    const loaded = readerIds(printed, state.baseUrl);
    expect(linked.length).toBeGreaterThan(0);
    for (const id of linked) expect(loaded).toContain(id);
  });
});
