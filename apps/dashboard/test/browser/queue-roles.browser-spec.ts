import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium, newDashboardPage, signIn } from './support/chromium';
import { requestJson } from './support/http';
import { tokenFor } from './support/moderation';
import { readRunState } from './support/run-state';

/** Real: the built dashboard and API. Roles show in the UI and are enforced by the API. */
const state = readRunState();
const { moderator, admin } = state.users;

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

describe('roles', () => {
  it('a moderator sees the queues and Authors but no admin pages, and the admin API answers them 403', async () => {
    const errors = collectConsoleErrors(page);
    await signIn(page, moderator.email, moderator.password);
    await page.locator('[data-panel="queues"]').waitFor();
    await page.getByRole('menuitem', { name: 'Authors' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Job queues' }).count()).toBe(0);
    await page.goto('/#/users');
    await page.locator('[data-admin-only]').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);

    const token = await tokenFor(state.baseUrl, moderator);
    await requestJson(state.baseUrl, '/api/users', { token, expect: [403] });
    await requestJson(state.baseUrl, '/api/ops/queue-board/session', { method: 'POST', token, expect: [403] });
    expect((await page.request.get('/admin/queues/')).status()).toBe(401);
    expect(errors).toEqual([]);
  });

  it('an admin also sees Users, and opens the job queues (Bull Board) from the menu', async () => {
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.locator('tbody tr', { hasText: moderator.email }).waitFor();
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Job queues' }).click()]);
    await board.waitForURL(/\/admin\/queues\/$/);
    await board.getByText('triage', { exact: true }).first().waitFor();
    expect(await board.title()).toContain('Sift queues');
  });

  it('the Authors page lists authors with their stats', async () => {
    await signIn(page, moderator.email, moderator.password);
    await page.getByRole('menuitem', { name: 'Authors' }).click();
    await page.locator('tbody tr', { hasText: state.comments.linkSpam.authorName }).waitFor();
  });
});
