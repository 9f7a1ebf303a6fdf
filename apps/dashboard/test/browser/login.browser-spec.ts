import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium, newDashboardPage, signIn } from './support/chromium';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Real: headless Chromium on the built dashboard, served by the built API, over the comments that global setup
 * posted through the publisher API and the worker triaged. Nothing is mocked.
 */
const state = readRunState();
const { moderator } = state.users;
const { welcome, linkSpam, oneLink, hiddenByAdmin, held } = state.comments;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({ context, page } = await newDashboardPage(browser, state.baseUrl));
});

afterEach(async () => {
  await context?.close();
});

const row = (authorName: string) => page.locator('tbody tr', { hasText: authorName });

describe('dashboard sign-in and the comments queue', () => {
  it('a moderator signs in, sees every comment with its status and flags, and opens the link evidence', async () => {
    const consoleErrors = collectConsoleErrors(page);
    await signIn(page, moderator.email, moderator.password);

    await page.waitForURL(/#\/comments/);
    await page.getByText('Mo Moderator').first().waitFor();
    for (const comment of [welcome, linkSpam, oneLink, hiddenByAdmin, held]) {
      await row(comment.authorName).waitFor();
      expect(await row(comment.authorName).textContent()).toContain(comment.status);
    }
    expect(await page.locator('tbody tr').count()).toBe(5);
    // Highest priority first: the flagged comment leads the queue, with its rule as a chip.
    const first = page.locator('tbody tr').first();
    expect(await first.textContent()).toContain(linkSpam.authorName);
    expect(await first.locator('.MuiChip-label').allTextContents()).toEqual(['flagged', 'Too many links']);
    expect(await row(welcome.authorName).locator('.MuiChip-label').allTextContents()).toEqual(['approved']);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.mouse.move(1270, 790); // no row under the pointer (the Sign in button was there)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-list.png') });

    await first.click();
    await page.waitForURL(new RegExp(`#/comments/${linkSpam.id}/show$`));
    const body = page.locator('[data-field="body"]');
    await body.waitFor();
    expect(await body.textContent()).toBe(linkSpam.body);
    expect(await body.locator('mark').allTextContents()).toEqual([
      'https://cheap-bikes.example.com/deal',
      'http://parts.example.net/sale',
      'www.example.org/win',
    ]);
    expect(await body.locator('mark').first().getAttribute('data-rule')).toBe('Too many links');

    const flag = page.locator('[data-flag="Too many links"]');
    const flagText = await flag.textContent();
    expect(flagText).toContain('links rule v1');
    expect(flagText).toContain('score 3 / threshold 3');
    expect(flagText).toContain('3 links (more than 2 is flagged)');

    expect(await page.locator('[data-section="parent"]').textContent()).toContain(welcome.body);

    const events = page.locator('li[data-event]');
    expect(await events.allTextContents()).toEqual([
      expect.stringContaining('received by system'),
      expect.stringContaining('pending → flagged by triage rules'),
    ]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-comment.png') });

    expect(consoleErrors).toEqual([]);
  });

  it('a wrong password shows an error and stays on the login page', async () => {
    const consoleErrors = collectConsoleErrors(page);
    await signIn(page, moderator.email, `${moderator.password}-wrong`);

    await page.getByText('wrong email or password').waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.locator('input[name="password"]').isVisible()).toBe(true);
    expect(await page.evaluate('localStorage.getItem("sift.session")')).toBeNull();
    // The only console noise is Chromium reporting the 401 itself.
    expect(consoleErrors.filter((e) => !(e.url.endsWith('/api/auth/login') && e.text.includes('401')))).toEqual([]);
  });
});
