import { join } from 'node:path';
import { expectConsoleErrors, signIn, useDashboardPage } from './support/chromium';
import { requestJson } from './support/http';
import { tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/** Real: the built dashboard and API. Roles show in the UI and are enforced by the API. */
const state = readRunState();
const { moderator, admin } = state.users;

const ui = useDashboardPage(state.baseUrl);

describe('roles', () => {
  it('a moderator sees the queues and Authors but no admin pages, and the admin API answers them 403', async () => {
    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.locator('[data-panel="queues"]').waitFor();
    await ui.page.getByRole('menuitem', { name: 'Authors' }).waitFor();
    expect(await ui.page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    expect(await ui.page.getByRole('menuitem', { name: 'Job queues' }).count()).toBe(0);
    await ui.page.goto('/#/users');
    await ui.page.locator('[data-admin-only]').waitFor();
    expect(await ui.page.locator('tbody tr').count()).toBe(0);

    const token = await tokenFor(state.baseUrl, moderator);
    await requestJson(state.baseUrl, '/api/users', { token, expect: [403] });
    await requestJson(state.baseUrl, '/api/ops/queue-board/session', { method: 'POST', token, expect: [403] });
    expect((await ui.page.request.get('/admin/queues/')).status()).toBe(401);
  });

  it('an admin also sees Users, and opens the job queues (Bull Board) from the menu', async () => {
    // Bull Board's own page asks Google for its fonts; the machines are offline.
    expectConsoleErrors(ui.context, /ERR_NAME_NOT_RESOLVED .*fonts\.googleapis\.com/);
    await signIn(ui.page, admin.email, admin.password);
    await ui.page.getByRole('menuitem', { name: 'Users' }).click();
    await ui.page.locator('tbody tr', { hasText: moderator.email }).waitFor();
    const [board] = await Promise.all([ui.context.waitForEvent('page'), ui.page.getByRole('menuitem', { name: 'Job queues' }).click()]);
    await board.waitForURL(/\/admin\/queues\/$/);
    await board.getByText('triage', { exact: true }).first().waitFor();
    expect(await board.title()).toContain('Sift queues');
  });

  it('on a comment card, "Trust" says before the click that it skips pre-moderation, not the rules (issue 17, item 11)', async () => {
    const { held } = state.comments;
    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.locator('[data-panel="queues"]').waitFor();
    await ui.page.goto(`/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: 'stadium-deal-opinion' }))}`);
    await ui.page.locator('tbody tr', { hasText: held.authorName }).locator('td').nth(2).click();
    const card = ui.page.locator(`[data-card="${held.id}"]`);
    const trust = card.getByRole('button', { name: /^Trust/ });
    await trust.waitFor();
    expect(await trust.innerText()).toMatch(/skip pre-moderation/i);
    expect(await card.locator('[data-trust-help]').innerText()).toContain('the rules still check every comment');
    await trust.scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-card-author.png') });
  });

  it('the Authors page lists authors with their stats and finds one by name', async () => {
    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.getByRole('menuitem', { name: 'Authors' }).click();
    await ui.page.locator('tbody tr').first().waitFor();
    // The list is newest first, 25 a page: after other specs' posts the seed's authors are further down, so search
    // by name, as a moderator would.
    const { authorName } = state.comments.linkSpam;
    await ui.page.getByPlaceholder('Name or key').fill(authorName);
    const row = ui.page.locator('tbody tr', { hasText: authorName });
    await row.waitFor();
    expect(await row.locator('td').count()).toBeGreaterThan(3);
  });
});
