import type { RuleAdminRecord, RuleTestResponse } from '@sift/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { expectConsoleErrors, launchChromium, newDashboardPage, signIn } from './support/chromium';
import { requestJson, waitFor } from './support/http';
import { createArticle, detailOf, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Real: headless Chromium on the built dashboard, the built API and worker (the backtest runs on the maintenance
 * queue), Postgres and Redis. The admin lowers the insult rule's threshold, sees the tester highlight a new match,
 * backtests the draft against comments a moderator hid, saves, and rolls back. A moderator reaches none of it.
 */
const state = readRunState();
const { moderator, admin } = state.users;
const ARTICLE = `rules-admin-${state.runId}`;

/** Mild words: under the default threshold, over a lowered one (the spec picks one the current lexicon scores so). */
const CANDIDATES = [
  'The mayor is clueless about roads.',
  'The council are a bunch of muppets.',
  'Only a fool would vote for this budget.',
  'That plan is stupid.',
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminToken: string;
let modToken: string;
let insult: RuleAdminRecord;
let text: string;
let newThreshold: number;

const api = <T>(path: string, init: { method?: string; body?: unknown; token?: string; expect?: number[] } = {}) =>
  requestJson<T>(state.baseUrl, path, { token: adminToken, ...init });

/** The confirmation every rule change asks for (issue 17, item 10): a change note, then Confirm. */
async function confirmWith(note: string): Promise<void> {
  const dialog = page.locator('[data-dialog="change-note"]');
  await dialog.locator('input[name="change-note"]').fill(note);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  adminToken = await tokenFor(state.baseUrl, admin);
  modToken = await tokenFor(state.baseUrl, moderator);
  insult = (await api<RuleAdminRecord[]>('/api/rules')).find((r) => r.type === 'insult')!;
  const threshold = insult.config.threshold as number;
  // The saved insult rule scores each candidate; keep one that passes today but would fire a little lower.
  for (const candidate of CANDIDATES) {
    const res = await api<RuleTestResponse>('/api/rules/test', { method: 'POST', body: { comment: { body: candidate }, rules: [{ type: 'insult', config: { ...insult.config, threshold: 0.05 } }] } });
    const score = res.results[0].score;
    if (score > 0.06 && score < threshold) {
      text = candidate;
      newThreshold = Math.max(0.05, Math.floor(score * 100) / 100);
      break;
    }
  }
  if (!text) throw new Error('no candidate scores between 0.06 and the saved threshold; update CANDIDATES');

  // Past decisions to backtest against: the moderator hid this comment as a personal attack, the reason that
  // confirms the insult rule (the saved rule let it through). The seeded comment hidden with a free-text reason is
  // left out of insult backtests.
  await createArticle(state.baseUrl, PUBLISHER_KEY, ARTICLE, 'The mayor and the council on the roads budget', 'The mayor and the council voted on the budget for roads and potholes.');
  const { id } = await requestJson<{ id: string }>(state.baseUrl, `/api/articles/${ARTICLE}/comments`, { method: 'POST', body: { authorName: 'Pat Reader', body: text }, expect: [202] });
  await waitFor(
    async () => {
      const d = await detailOf(state.baseUrl, modToken, id);
      if (!d.events.some((e) => e.actorType === 'rule')) return undefined;
      await requestJson(state.baseUrl, `/api/moderation/comments/${id}/decision`, { method: 'POST', token: modToken, body: { action: 'hide', version: d.version, reason: 'Personal attack' } });
      return true;
    },
    { timeoutMs: 30_000, describe: () => `triage and hide of "${text}"` },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  // Leave the insult rule as the other specs expect it, whatever happened above.
  const now = await api<RuleAdminRecord>(`/api/rules/${insult.id}`).catch(() => null);
  if (now && JSON.stringify(now.config) !== JSON.stringify(insult.config)) {
    await api(`/api/rules/${insult.id}`, { method: 'PUT', body: { config: insult.config } });
  }
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await newDashboardPage(browser, state.baseUrl));
});
afterEach(async () => {
  await context?.close();
});

describe('rules admin', () => {
  it('an admin edits the insult threshold, tests it, backtests it, saves and rolls back', async () => {
    // Only the refused value's 400, which the form shows as a field error.
    expectConsoleErrors(page, /status of 400/);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Rules' }).click();
    const row = page.locator('[data-rule-row="insult"]');
    await row.waitFor();
    await row.getByRole('link').click();
    await page.locator('[data-panel="rule-form"]').waitFor();

    // The tester with the saved threshold: no match.
    const tester = page.locator('[data-panel="tester"]');
    await tester.locator('textarea[name="tester.body"]').fill(text);
    await tester.getByRole('button', { name: 'Test' }).click();
    await tester.locator('[data-verdict="pass"]').waitFor();
    expect(await tester.locator('[data-tester-text] mark').count()).toBe(0);

    // Lower the threshold in the form (generated from the type's schema): the tester now highlights the word.
    await page.locator('input[name="config.threshold"]').fill(String(newThreshold));
    await tester.getByRole('button', { name: 'Test' }).click();
    await tester.locator('[data-verdict="hit"]').waitFor();
    const marked = await tester.locator('[data-tester-text] mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(text.toLowerCase()).toContain(marked[0].toLowerCase());

    // A value the schema refuses: the server's field error shows on the field, and nothing is saved.
    await page.locator('input[name="config.threshold"]').fill('3');
    await page.getByRole('button', { name: /^Save as version/ }).click();
    await confirmWith('trying 3');
    await page.locator('[data-schema-form] .Mui-error', { hasText: /3|<=|1/ }).first().waitFor();
    expect((await api<RuleAdminRecord>(`/api/rules/${insult.id}`)).version).toBe(insult.version);
    await page.locator('input[name="config.threshold"]').fill(String(newThreshold));

    // Backtest the draft: visible progress, then precision / recall and the comment it would newly flag.
    const backtest = page.locator('[data-panel="backtest"]');
    await backtest.getByRole('button', { name: 'Run backtest' }).click();
    await backtest.locator('[data-backtest-progress]').waitFor();
    await backtest.locator('[data-backtest-status="done"][data-backtest-progress="100"]').waitFor({ timeout: 30_000 });
    const result = backtest.locator('[data-backtest-result]');
    await result.waitFor();
    expect(await result.locator('[data-metric="precision"]').first().textContent()).toMatch(/%|—/);
    expect(await result.locator('[data-metric="recall"]').first().textContent()).toMatch(/%/);
    await result.locator('[data-examples="newly-flagged"] a', { hasText: text }).waitFor();
    // Which hides count for an insult rule, and which were left out (issue 17, item 8).
    expect(await backtest.locator('[data-backtest-labels]').textContent()).toContain('Hidden as “Personal attack” or “Hate or harassment” = should be caught');
    const excluded = result.locator('[data-backtest-excluded]');
    expect(Number(await excluded.getAttribute('data-backtest-excluded'))).toBeGreaterThanOrEqual(1);
    expect(await excluded.textContent()).toContain('“Personal attack on council staff”: 1');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await backtest.scrollIntoViewIfNeeded();
    await backtest.screenshot({ path: join(SCREENSHOT_DIR, 'backtest.png'), animations: 'disabled' });

    // Save: confirmed with a change note (issue 17, item 10; Cancel saves nothing), a new version with a readable diff and the note.
    await page.getByRole('button', { name: `Save as version ${insult.version + 1}` }).click();
    const dialog = page.locator('[data-dialog="change-note"]');
    await dialog.getByText(`Save as version ${insult.version + 1}?`).waitFor();
    expect(await dialog.textContent()).toContain('This rule is live');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api<RuleAdminRecord>(`/api/rules/${insult.id}`)).version).toBe(insult.version);
    await page.getByRole('button', { name: `Save as version ${insult.version + 1}` }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('A change note is needed').waitFor();
    expect((await api<RuleAdminRecord>(`/api/rules/${insult.id}`)).version).toBe(insult.version);
    await dialog.screenshot({ path: join(SCREENSHOT_DIR, 'rule-change-note.png'), animations: 'disabled' });
    await confirmWith('lowered: the backtest catches “total clown”');
    const versions = page.locator('[data-panel="versions"]');
    const saved = versions.locator(`[data-version="${insult.version + 1}"]`);
    await saved.filter({ hasText: `config.threshold: ${insult.config.threshold} → ${newThreshold}` }).waitFor();
    expect(await saved.locator('[data-note]').textContent()).toBe('lowered: the backtest catches “total clown”');
    expect((await api<RuleAdminRecord>(`/api/rules/${insult.id}`)).config.threshold).toBe(newThreshold);

    // Roll back to the version before, confirmed with a note too: saved again as the newest version.
    await versions.getByRole('button', { name: `Roll back to v${insult.version}` }).click();
    await dialog.getByText(`Roll back to v${insult.version}?`).waitFor();
    await confirmWith('too many false hits');
    await versions.locator(`[data-version="${insult.version + 2}"] [data-note]`, { hasText: `rolled back to v${insult.version}: too many false hits` }).waitFor();
    await versions.screenshot({ path: join(SCREENSHOT_DIR, 'rule-versions.png'), animations: 'disabled' });
    expect(await page.locator('input[name="config.threshold"]').inputValue()).toBe(String(insult.config.threshold));
    const after = await api<RuleAdminRecord>(`/api/rules/${insult.id}`);
    expect([after.version, after.config]).toEqual([insult.version + 2, insult.config]);
  });

  it('an admin creates a rule (it starts in shadow mode), sees a field error first, then deletes it', async () => {
    const name = `Listed words ${state.runId}`;
    // The refused create (its field error is asserted below).
    expectConsoleErrors(page, /status of 400 .*\/api\/rules\b/);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Rules' }).click();
    await page.locator('[data-rules-table]').waitFor();
    await page.getByText('New rule', { exact: true }).click();
    await page.getByLabel('Type').click();
    await page.locator('[data-rule-type="keywords"]').click();
    await page.locator('input[name="name"]').fill(name);
    await page.getByRole('button', { name: 'Create' }).click();
    // No term listed: the server's field error shows and nothing is created.
    await page.locator('[data-panel="rule-create"]').getByText('list at least one term').waitFor();
    expect((await api<RuleAdminRecord[]>('/api/rules')).some((r) => r.name === name)).toBe(false);
    await page.locator('textarea[name="config.terms"]').fill('muppets');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('[data-panel="rule-form"]').getByText(name).first().waitFor();
    const created = (await api<RuleAdminRecord[]>('/api/rules')).find((r) => r.name === name);
    expect(created).toMatchObject({ type: 'keywords', mode: 'shadow', action: 'flag', config: expect.objectContaining({ terms: ['muppets'] }) });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete rule' }).click();
    await page.locator('[data-rules-table]').waitFor();
    expect((await api<RuleAdminRecord[]>('/api/rules')).some((r) => r.name === name)).toBe(false);
  });

  it('a moderator cannot reach the rules: no menu item, an admins-only page, 403 from the API', async () => {
    await signIn(page, moderator.email, moderator.password);
    await page.locator('[data-panel="queues"]').waitFor();
    expect(await page.getByRole('menuitem', { name: 'Rules' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Settings' }).count()).toBe(0);
    await page.goto(`/#/rules/${insult.id}`);
    await page.locator('[data-admin-only]').waitFor();
    expect(await page.locator('[data-panel="rule-form"]').count()).toBe(0);
    await page.goto('/#/rules');
    await page.locator('[data-admin-only]').waitFor();
    await api(`/api/rules/${insult.id}`, { method: 'PUT', token: modToken, body: { config: { threshold: 0.1 } }, expect: [403] });
    await api('/api/rules/test', { method: 'POST', token: modToken, body: { comment: { body: text } }, expect: [403] });
    await api(`/api/rules/${insult.id}/backtests`, { method: 'POST', token: modToken, body: {}, expect: [403] });
    await api(`/api/rules/${insult.id}/rollback`, { method: 'POST', token: modToken, body: { version: 1 }, expect: [403] });
  });
});
