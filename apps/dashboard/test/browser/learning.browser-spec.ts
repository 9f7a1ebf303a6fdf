import type { IntakeResponse, LearnedModelRecord, ModerationCommentDetail } from '@sift/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { launchChromium, signIn } from './support/chromium';
import { requestJson, waitFor } from './support/http';
import { tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 15, items 9 and 2. Real: the built dashboard, API and worker (the retrain runs on the worker's rule-jobs
 * queue), Postgres, Redis. The spec makes its own training decisions: comments posted through intake on a
 * pre-moderated article of its own, decided by a moderator through the moderation API (hidden as "Personal attack"
 * or approved). The insults call "you" made-up names no lexicon knows, so whatever flags them was learned. Then, on
 * the Learning page: Retrain now, the new shadow version's metrics, learning curve, top n-grams and shadow agreement,
 * Promote (confirmed), a new comment's card with the learned evidence, Roll back (confirmed). A moderator reads only.
 */
const state = readRunState();
const { moderator, admin } = state.users;
const ARTICLE = `learning-${state.runId}`;
const NAMES = ['plonkwhistle', 'snoodlewit', 'gormbucket', 'drizzlepot'];
const LEAD = ['honestly', 'oh look', 'listen', 'right', 'ugh'];
const TAIL = ['', ' go away', ' as always', ' and you know it', ' again'];
const TOPICS = ['harbour festival', 'tram extension', 'night market', 'cycle lanes', 'library roof', 'flood barrier', 'ferry timetable'];
const CIVIL = [
  'I liked the piece on the {t}',
  'good point about the {t}, thanks',
  'when will the council discuss the {t} again?',
  'the {t} needs more funding in my view',
  'I disagree about the {t}, but fair reporting',
];

/** Deterministic made-up decisions: every third an insult with a made-up name, the rest civil remarks. */
function trainingComments(n: number): Array<{ body: string; insult: boolean }> {
  return Array.from({ length: n }, (_, i) => {
    const insult = i % 3 === 0;
    const k = Math.floor(i / 3);
    return insult
      ? { body: `${LEAD[k % LEAD.length]}, you ${NAMES[k % NAMES.length]}${TAIL[(k >> 2) % TAIL.length]}`, insult }
      : { body: CIVIL[i % CIVIL.length].replace('{t}', TOPICS[(i * 7 + k) % TOPICS.length]), insult };
  });
}

let browser: Browser;
let adminToken: string;
let modToken: string;
const heldOut: string[] = [];

const api = <T>(path: string, init: { method?: string; body?: unknown; token?: string; expect?: number[] } = {}) =>
  requestJson<T>(state.baseUrl, path, { token: adminToken, ...init });

/** Posts a comment through intake; answers its id. */
async function post(body: string, i: number): Promise<string> {
  const { id } = await requestJson<IntakeResponse>(state.baseUrl, `/api/articles/${ARTICLE}/comments`, { method: 'POST', body: { authorName: `Learning reader ${i}`, body }, expect: [202] });
  return id;
}

const cardOf = (id: string) => api<ModerationCommentDetail>(`/api/moderation/comments/${id}`, { token: modToken });

/** A moderator's decision on a comment, whatever the worker did meanwhile (a 409 for a stale version: read again). */
async function decide(id: string, insult: boolean): Promise<void> {
  await waitFor(
    async () => {
      const d = await cardOf(id);
      await api(`/api/moderation/comments/${id}/decision`, {
        method: 'POST',
        token: modToken,
        body: insult ? { action: 'hide', version: d.version, reason: 'Personal attack' } : { action: 'approve', version: d.version },
      });
      return true;
    },
    { timeoutMs: 30_000, describe: () => `the decision on ${id}` },
  );
}

async function inBatches<T, R>(xs: readonly T[], size: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) out.push(...(await Promise.all(xs.slice(i, i + size).map((x, j) => f(x, i + j)))));
  return out;
}

const promotedVersion = async () => (await api<LearnedModelRecord[]>('/api/learned-models')).find((m) => m.status === 'promoted')?.version ?? null;

async function adminPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, admin.email, admin.password);
  await page.locator('[data-panel="queues"]').waitFor();
  await page.goto('/#/learned-models');
  await page.locator('[data-panel="live-model"]').waitFor();
  return page;
}

/** The whole page in one viewport (a full-page capture would scroll, and the fixed app bar and menu with it). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(2400, (await page.evaluate('document.documentElement.scrollHeight')) as number) });
  await page.mouse.move(0, 0);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' });
  await page.setViewportSize(size);
}

let version: number;

beforeAll(async () => {
  adminToken = await tokenFor(state.baseUrl, admin);
  modToken = await tokenFor(state.baseUrl, moderator);
  // Pre-moderated: every comment waits for a person, so each gets a moderator's decision (a label).
  await requestJson(state.baseUrl, `/api/articles/${ARTICLE}`, {
    method: 'PUT',
    headers: { 'X-Api-Key': PUBLISHER_KEY },
    body: { title: 'Harbour festival and the tram extension', body: 'The council discussed the harbour festival, the tram extension and the night market.', preModerate: true },
    expect: [200, 201],
  });
  const rows = trainingComments(180);
  await inBatches(rows, 12, async (r, i) => decide(await post(r.body, i), r.insult));
  // Recent comments the new version has not seen: the shadow agreement should name them.
  heldOut.push(await post('oh look, you snoodlewit as always', 1001), await post('listen, you gormbucket go away', 1002));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  // Leave the site as it was for the other spec files: the version this spec promoted is rolled back.
  if (version && (await promotedVersion()) === version) await api('/api/learned-models/rollback', { method: 'POST' });
  await browser?.close();
});

describe('Learning page (issue 15, item 9)', () => {
  it('an admin retrains, reads the new shadow version, promotes it after its shadow agreement, sees learned evidence on a card, and rolls back', async () => {
    const page = await adminPage();
    const before = Math.max(0, ...(await api<LearnedModelRecord[]>('/api/learned-models')).map((m) => m.version));
    const liveBefore = await page.locator('[data-live-model]').getAttribute('data-live-model');

    await page.getByRole('button', { name: 'Retrain now' }).click();
    // The new version is selected; it trains on the worker (progress while it does) and lands in shadow.
    const detail = page.locator('[data-panel="version"][data-status="shadow"]');
    await detail.waitFor();
    version = Number(await detail.getAttribute('data-version'));
    expect(version).toBeGreaterThan(before);
    const record = (await api<LearnedModelRecord[]>('/api/learned-models')).find((m) => m.version === version)!;
    expect(record).toMatchObject({ trigger: 'manual', status: 'shadow' });
    expect(record.labels).toBeGreaterThanOrEqual(180);

    const row = page.locator(`[data-version-row="${version}"]`);
    expect(await row.getAttribute('data-status')).toBe('shadow');
    expect(await row.locator('[data-metric="auc"]').textContent()).toBe(record.metrics!.auc.toFixed(3));
    expect(await detail.locator('[data-metrics]').textContent()).toContain(`Trained on ${record.labels} decisions (${record.positives} insults`);
    // The learning curve: learned + lexicon against the lexicon alone.
    await detail.locator('[data-panel="learning-curve"] path.recharts-line-curve').first().waitFor({ state: 'attached' });
    expect(await detail.locator('[data-panel="learning-curve"] path.recharts-line-curve').count()).toBe(2);
    // The strongest n-grams, as text: the made-up names push towards insult, none of them towards civil.
    const positive = await detail.locator('[data-ngrams="positive"] [data-ngram]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ngram') ?? ''));
    const negative = await detail.locator('[data-ngrams="negative"] [data-ngram]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ngram') ?? ''));
    expect(positive.slice(0, 3).filter((g) => NAMES.some((n) => g.includes(n))).length).toBeGreaterThan(0);
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.some((g) => NAMES.some((n) => g.includes(n)))).toBe(false);

    // Shadow agreement before the promote button: the held-out name-calling is what it would newly flag.
    const agreement = detail.locator('[data-panel="agreement"]');
    await agreement.locator('[data-agreement-summary]').waitFor();
    expect(await agreement.locator('[data-agreement-summary]').textContent()).toMatch(new RegExp(`v${version} would flag \\d+ more and \\d+ fewer than (v\\d+|the lexicon alone)`));
    for (const id of heldOut) await agreement.locator(`[data-examples="more"] [data-example="${id}"]`).waitFor();
    await shot(page, 'learning.png');

    // Promote, confirmed in a dialog (Cancel changes nothing).
    await detail.getByRole('button', { name: `Promote v${version}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await promotedVersion()).not.toBe(version);
    await detail.getByRole('button', { name: `Promote v${version}` }).click();
    await dialog.getByRole('button', { name: 'Promote' }).click();
    await page.locator(`[data-live-model="${version}"]`).waitFor();
    expect(await promotedVersion()).toBe(version);

    // A new comment with a name the model learned: the worker flags it with the learned evidence, shown on its card.
    const fresh = await post('ugh, you drizzlepot again', 1003);
    const card = await waitFor(
      async () => {
        const d = await cardOf(fresh);
        return d.flags.some((f) => f.ruleType === 'insult') ? d : undefined;
      },
      { timeoutMs: 30_000, describe: () => 'the new comment flagged by the promoted version' },
    );
    const flag = card.flags.find((f) => f.ruleType === 'insult')!;
    expect(flag.evidence.summary).toMatch(new RegExp(`^insult \\(site model v${version} `));
    const learnedSpans = (flag.evidence.spans ?? []).filter((s) => s.label.startsWith("learned: '"));
    expect(learnedSpans.length).toBeGreaterThan(0);
    await page.goto(`/#/comments/${card.id}/show`);
    const flagBox = page.locator('[data-flag]').filter({ hasText: `site model v${version}` });
    await flagBox.waitFor();
    const flagText = (await flagBox.textContent()) ?? '';
    expect(flagText).toContain(`score ${Math.round(flag.score * 1000) / 1000} / threshold ${Math.round(flag.threshold * 1000) / 1000}`);
    expect(flagText).toMatch(/learned: '[^']*drizzlepot[^']*' \+\d\.\d\d/);
    const marks = await page.locator(`mark[data-rule*="${flag.ruleName}"]`).allTextContents();
    expect(marks.join(' ')).toContain('drizzlepot');
    await shot(page, 'learned-card.png');

    // Roll back, confirmed: the version before (or the lexicon) decides again.
    await page.goto('/#/learned-models');
    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
    await page.locator(`[data-live-model="${liveBefore}"]`).waitFor();
    expect(await promotedVersion()).not.toBe(version);
    expect(await page.locator(`[data-version-row="${version}"]`).getAttribute('data-status')).toBe('retired');
    await page.context().close();

    // The same page in the dark, the retired version selected (its agreement with the live decision again).
    const dark = await adminPage('dark');
    await dark.locator(`[data-version-row="${version}"]`).click();
    await dark.locator(`[data-panel="version"][data-version="${version}"] [data-agreement-summary]`).waitFor();
    await dark.locator(`[data-panel="version"][data-version="${version}"] [data-panel="learning-curve"] path.recharts-line-curve`).first().waitFor({ state: 'attached' });
    await shot(dark, 'learning-dark.png');
    await dark.context().close();
  });

  it('a moderator reads the page but has no retrain, promote or roll back, and the API refuses them', async () => {
    const context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, moderator.email, moderator.password);
    await page.locator('[data-panel="queues"]').waitFor();
    await page.getByRole('menuitem', { name: 'Learning' }).click();
    await page.locator('[data-read-only]').waitFor();
    await page.locator('[data-version-row]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Retrain now' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Roll back' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Promote/ }).count()).toBe(0);
    await requestJson(state.baseUrl, '/api/learned-models/retrain', { method: 'POST', token: modToken, expect: [403] });
    await context.close();
  });
});
