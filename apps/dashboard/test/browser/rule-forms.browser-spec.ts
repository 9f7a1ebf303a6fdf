import type { RuleAdminRecord } from '@sift/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectConsoleErrors, launchChromium, signIn } from './support/chromium';
import { requestJson } from './support/http';
import { tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 9. Real: headless Chromium on the built dashboard, the built API. An admin meets the rule forms
 * as a newcomer: types named in words, help on every field (from the rule types' schemas), a Create button that
 * says why it is disabled, pattern errors that say which line and what to write, and the insult rule's extra terms
 * as a table.
 */
const state = readRunState();
const { admin } = state.users;

let browser: Browser;
let adminToken: string;
beforeAll(async () => {
  adminToken = await tokenFor(state.baseUrl, admin);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function adminAt(route: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, admin.email, admin.password);
  await page.locator('[data-panel="queues"]').waitFor();
  await page.goto(route);
  return page;
}

/** The whole page in one viewport (a full-page capture would scroll, and the fixed app bar and menu with it). */
const shot = async (page: Page, name: string, height?: number) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: height ?? Math.min(2400, (await page.evaluate('document.documentElement.scrollHeight')) as number) });
  await page.mouse.move(0, 0);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' });
  await page.setViewportSize(size);
};

describe('rule forms', () => {
  it('a new rule: types in words with a line each, why Create is disabled, help on every field, pattern errors by line', async () => {
    const page = await adminAt('/#/rules/create');
    // The refused create below (its field errors are asserted).
    expectConsoleErrors(page, /status of 400 .*\/api\/rules\b/);
    const form = page.locator('[data-panel="rule-create"]');
    const create = form.getByRole('button', { name: 'Create' });
    await create.waitFor();
    expect(await create.isDisabled()).toBe(true);
    expect(await form.locator('[data-create-hint]').textContent()).toBe('To create the rule, pick a type and give it a name.');

    await form.getByLabel('Type').click();
    const offTopic = page.locator('[data-rule-type="off_topic"]');
    expect(await offTopic.innerText()).toMatch(/^Off topic\n+Unrelated to the article/);
    for (const option of await page.locator('[data-rule-type]').all()) {
      const [name, line] = (await option.innerText()).split(/\n+/);
      expect(name).toMatch(/^[A-Z][a-z]+( [a-z(]|$)/); // words, not an id like off_topic
      expect(line?.length ?? 0).toBeGreaterThan(10);
    }
    await page.locator('[data-rule-type="keywords"]').click();
    expect(await form.getByLabel('Type').innerText()).toContain('Listed words and patterns');
    expect(await form.locator('[data-create-hint]').textContent()).toBe('To create the rule, give it a name.');
    await form.locator('input[name="name"]').fill(`Patterns ${state.runId}`);
    expect(await create.isDisabled()).toBe(false);
    expect(await form.locator('[data-create-hint]').count()).toBe(0);

    // Every field has its help text (from the schema), before anything goes wrong.
    const helpOf = async (name: string) => form.locator(`[name="${name}"]`).first().evaluate((el) => {
      const root = el.closest('.MuiFormControl-root, .MuiBox-root');
      return root?.querySelector('.MuiFormHelperText-root')?.textContent ?? '';
    });
    expect(await helpOf('name')).toContain('What moderators see');
    expect(await helpOf('action')).toContain('Flagged queue');
    expect(await helpOf('config.terms')).toContain('Whole words only');
    expect(await helpOf('config.patterns')).toContain('(?i) is not needed');
    expect(await helpOf('config.minMatches')).toContain('How many matches');
    await shot(page, 'rule-create.png');

    // A broken pattern and a /…/i literal: each error names its line and says what to write.
    await form.locator('textarea[name="config.patterns"]').fill('fo(o\n/idiot/i');
    await create.click();
    const patternsHelp = form.locator('[name="config.patterns"]').locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]').locator('.MuiFormHelperText-root');
    await patternsHelp.filter({ hasText: 'line 1' }).waitFor();
    const text = (await patternsHelp.textContent()) ?? '';
    expect(text).toContain('line 1 (“fo(o”): is not a valid RE2 regular expression (missing closing )');
    expect(text).toContain('line 2 (“/idiot/i”): is written as /pattern/flags: write only what is between the slashes (patterns always match case-insensitively');
    expect(text).not.toMatch(/(^|\s)\d+:/);
    // The notice points at the fields instead of repeating them with their ids.
    await page.getByText('Not saved: one field needs fixing (marked in red).').waitFor();
    expect(await page.getByText('config.patterns').count()).toBe(0);
    await shot(page, 'rule-create-errors.png');
    expect((await requestJson<RuleAdminRecord[]>(state.baseUrl, '/api/rules', { token: adminToken })).some((r) => r.name === `Patterns ${state.runId}`)).toBe(false);
    await page.context().close();
  });

  it("the insult rule's extra terms are a table (term, kind, severity) that the tester uses at once", async () => {
    const insult = (await requestJson<RuleAdminRecord[]>(state.baseUrl, '/api/rules', { token: adminToken })).find((r) => r.type === 'insult')!;
    for (const scheme of ['light', 'dark'] as const) {
      const page = await adminAt(`/#/rules/${insult.id}`, scheme);
      const table = page.locator('[data-table-field="extraTerms"]');
      await table.waitFor();
      expect(await table.locator('thead th').allInnerTexts()).toEqual(['Term', 'Kind', 'Severity', 'Used as', '']);
      expect(await page.locator('textarea[name="config.extraTerms"]').count()).toBe(0); // no raw JSON box
      await table.getByRole('button', { name: 'Add a row' }).click();
      await table.locator('input[name="config.extraTerms.0.term"]').fill('turnip brain');
      await table.getByLabel('Kind').click();
      await page.getByRole('option', { name: 'intellect', exact: true }).click();
      await table.getByLabel('Severity').click();
      await page.getByRole('option', { name: '3', exact: true }).click();
      expect(await table.locator('dl').innerText()).toContain('1 mild, 2 clear, 3 severe');

      const tester = page.locator('[data-panel="tester"]');
      await tester.locator('textarea[name="tester.body"]').fill('You are a turnip brain, plain and simple.');
      await tester.getByRole('button', { name: 'Test' }).click();
      await tester.locator('[data-verdict="hit"]').waitFor();
      expect((await tester.locator('[data-tester-text] mark').allTextContents()).join(' ')).toContain('turnip brain');
      await shot(page, `rule-edit${scheme === 'dark' ? '-dark' : ''}.png`, 1250);
      await page.context().close();
    }
    // Nothing was saved.
    const after = await requestJson<RuleAdminRecord>(state.baseUrl, `/api/rules/${insult.id}`, { token: adminToken });
    expect(after.version).toBe(insult.version);
  });
});
