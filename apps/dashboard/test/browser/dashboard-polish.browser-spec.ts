import type { HomeStats, IntakeResponse, ModerationCommentDetail, QueueCounts } from '@sift/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { launchChromium, signedInPage } from './support/chromium';
import { requestJson, waitFor } from './support/http';
import { postAndTriage, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 19 (polish), light and dark. Real: the built dashboard and API, the worker, Postgres, Redis, headless
 * Chromium; the comments are this spec's own, on its own article, posted through the public intake. One exception:
 * Home's "no data" state is shown with the stats and counts an empty database answers (page.route), because the
 * run's database is never empty.
 */
const state = readRunState();
const { moderator } = state.users;
const ARTICLE = `tram-depot-${state.runId}`;
const BYLINE = 'Dana Whitfield';
const INSULT_RULE = 'Insults and name-calling';
const TITLE_ONLY = 'The depot should have been built by the river years ago.';

let browser: Browser;
let token: string;
let insult: ModerationCommentDetail;
let titleOnly: string;
let fromTheAuthor: ModerationCommentDetail;

const flaggedQueue = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ status: ['flagged'], articleExternalId: ARTICLE }))}&sort=priority&order=DESC&page=1`;
const allOfArticle = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: ARTICLE }))}&sort=receivedAt&order=DESC&page=1`;

const moderatorAt = (route: string, colorScheme: 'light' | 'dark' = 'light') => signedInPage(browser, state.baseUrl, moderator, route, colorScheme);

/** WCAG contrast of an element's text against its own background (the text colour's alpha blended over it). */
const contrastOf = async (page: Page, selector: string): Promise<number> =>
  // A string: the spec tsconfig has no DOM types; this runs in the page.
  (await page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const rgba = (css) => (css.match(/[\\d.]+/g) ?? []).map(Number);
    const style = getComputedStyle(el);
    const [br, bg, bb] = rgba(style.backgroundColor);
    const [fr, fg, fb, fa = 1] = rgba(style.color);
    const fore = [fr * fa + br * (1 - fa), fg * fa + bg * (1 - fa), fb * fa + bb * (1 - fa)];
    const lin = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    const [hi, lo] = [lum(fore), lum([br, bg, bb])].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  })()`)) as number;

const shot = async (page: Page, name: string) => {
  await page.mouse.move(5, 795);
  await page.waitForTimeout(400); // the drawer's slide-in, tooltips gone
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' });
};

beforeAll(async () => {
  token = await tokenFor(state.baseUrl, moderator);
  await requestJson(state.baseUrl, `/api/articles/${ARTICLE}`, {
    method: 'PUT',
    headers: { 'X-Api-Key': PUBLISHER_KEY },
    body: { title: 'The tram depot moves to the river', body: 'The transport board has chosen the river site for the new tram depot.', author: BYLINE },
    expect: [200, 201],
  });
  insult = await postAndTriage(state.baseUrl, token, ARTICLE, { authorName: 'Corin Vale', body: 'Whoever chose this site is an idiot and a moron.' }, 'flagged');
  // A comment that is only a title (the shared seed thread has one): sent as both, it showed twice.
  titleOnly = (
    await requestJson<IntakeResponse>(state.baseUrl, `/api/articles/${ARTICLE}/comments`, {
      method: 'POST',
      body: { authorName: 'Ines Marlow', title: TITLE_ONLY, body: TITLE_ONLY },
      expect: [202],
    })
  ).id;
  // The byline's author answers (in another letter case: the same name); a rule flags it so it is in the queue.
  fromTheAuthor = await postAndTriage(
    state.baseUrl,
    token,
    ARTICLE,
    { authorName: 'dana whitfield', body: 'To the idiot who says nobody asked: the board held four public meetings.' },
    'flagged',
  );
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('dashboard polish (issue 17, item 19)', () => {
  it('the login page is Sift’s, light and dark, and signs in as before', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: state.baseUrl, viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto('/');
      await page.locator('input[name="email"]').waitFor();
      expect(await page.locator('[data-brand] h1').textContent()).toBe('Sift');
      // react-admin's default avatar is a lock.
      expect(await page.locator('[data-testid="LockIcon"]').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOT_DIR, scheme === 'dark' ? 'login-dark.png' : 'login.png') });
      await page.locator('input[name="email"]').fill(moderator.email);
      await page.locator('input[name="password"]').fill(moderator.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('[data-panel="queues"]').waitFor();
      await context.close();
    }
  });

  it('Home: one colour per queue, the hourly chart across the page, and "no data" for empty charts', async () => {
    const page = await moderatorAt('/');
    await page.locator('[data-panel="queues"] .recharts-bar-rectangle path').first().waitFor();
    const fills = await page.locator('[data-panel="queues"] .recharts-bar-rectangle path').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(new Set(fills).size).toBe(fills.length);
    expect(fills.length).toBeGreaterThanOrEqual(2);
    // 24 hours × 3 series get the page's width, not half of it.
    const width = async (name: string) => (await page.locator(`[data-panel="${name}"]`).boundingBox())!.width;
    expect(await width('per-hour')).toBeGreaterThan(1.8 * (await width('queues')));
    expect(await page.locator('[data-no-data]').count()).toBe(0);
    await shot(page, 'home.png');
    await page.context().close();

    // A fresh install: what the API answers on an empty database.
    const empty = await moderatorAt('/', 'dark');
    await empty.locator('[data-panel="queues"]').waitFor();
    const zero: QueueCounts = { flagged: 0, reported: 0, pending: 0, approved: 0, hidden: 0, all: 0 };
    const hour = Date.now() - (Date.now() % 3_600_000);
    const stats: HomeStats = {
      counts: zero,
      perHour: Array.from({ length: 24 }, (_, i) => ({ hour: new Date(hour - (23 - i) * 3_600_000).toISOString(), received: 0, flagged: 0, decided: 0, medianDecisionSeconds: null })),
      medianDecisionSeconds: null,
      decisions24h: 0,
    };
    await empty.route('**/api/stats/home', (route) => route.fulfill({ json: stats }));
    await empty.route('**/api/moderation/comments/counts', (route) => route.fulfill({ json: zero }));
    await empty.reload();
    await empty.locator('[data-panel="per-hour"] [data-no-data]').waitFor();
    expect(await empty.locator('[data-no-data]').allTextContents()).toEqual([
      'No data: every queue is empty',
      'No data: no moderator decisions in the last 24 hours',
      'No data: no comments received or decided in the last 24 hours',
    ]);
    await shot(empty, 'home-empty-dark.png');
    await empty.context().close();
  });

  it('highlights are readable in both themes and the rule is named once, in a legend', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await moderatorAt(flaggedQueue, scheme);
      await page.locator('tbody tr', { hasText: 'Corin Vale' }).locator('td.column-priority').click();
      const card = page.locator(`[data-card="${insult.id}"]`);
      await card.locator('[data-field="body"] mark').first().waitFor();
      expect((await card.locator('[data-field="body"] mark').allTextContents()).map((w) => w.toLowerCase())).toEqual(['idiot', 'moron']);
      expect(await card.locator('[data-legend-rule]').allTextContents()).toEqual([INSULT_RULE]);
      expect(await card.locator('[data-field="body"]').textContent()).toBe(insult.body);
      // WCAG AA for normal text.
      expect(await contrastOf(page, `[data-card="${insult.id}"] [data-field="body"] mark`)).toBeGreaterThanOrEqual(4.5);
      await shot(page, scheme === 'dark' ? 'queue-card-highlights-dark.png' : 'queue-card-highlights.png');
      await page.context().close();
    }
  });

  it('explains "priority" and "v2" on hover, and the Flagged queue has no Status column', async () => {
    const page = await moderatorAt(flaggedQueue);
    await page.locator('tbody tr', { hasText: 'Corin Vale' }).waitFor();
    const headers = await page.locator('thead th').allTextContents();
    expect(headers).not.toContain('Status');
    expect(headers).toContain('Priority');
    await page.locator('tbody tr', { hasText: 'Corin Vale' }).locator('td.column-priority').click();
    const card = page.locator(`[data-card="${insult.id}"]`);
    await card.locator('[data-explained="priority"]').hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.filter({ hasText: /^Queue order, highest first/ }).waitFor();
    await page.mouse.move(5, 795);
    await tooltip.waitFor({ state: 'detached' });
    await card.locator('[data-explained="version"]').hover();
    await tooltip.filter({ hasText: /^Version \d+ of this comment/ }).waitFor();
    await page.mouse.move(5, 795);
    await tooltip.waitFor({ state: 'detached' });
    await card.locator(`[data-flag="${INSULT_RULE}"] [data-explained="rule-version"]`).hover();
    await tooltip.filter({ hasText: `of the rule “${INSULT_RULE}” made this flag` }).waitFor();
    // A list of several statuses keeps the column.
    await page.goto(allOfArticle);
    await page.locator('tbody tr', { hasText: 'Ines Marlow' }).waitFor();
    expect(await page.locator('thead th').allTextContents()).toContain('Status');
    await page.context().close();
  });

  it('the author filter shows the author’s name, not their key', async () => {
    const page = await moderatorAt(flaggedQueue);
    await page.locator('tbody tr [data-author-name]', { hasText: 'Corin Vale' }).click();
    await page.waitForURL(/authorKey/);
    await page.getByText('1-1 of 1').waitFor();
    const input = page.locator('[data-author-filter] input');
    let shown = '';
    await waitFor(async () => ((shown = await input.inputValue()) === 'Corin Vale' ? true : undefined), { timeoutMs: 10_000, describe: () => `the filter shows "${shown}"` });
    await shot(page, 'queue-author-filter.png');
    await page.context().close();
  });

  it('a comment that is only a title shows it once; the article’s author gets a badge', async () => {
    const page = await moderatorAt(allOfArticle);
    const onlyTitle = page.locator('tbody tr', { hasText: 'Ines Marlow' });
    await onlyTitle.waitFor();
    expect((await onlyTitle.textContent())!.split(TITLE_ONLY).length - 1).toBe(1);
    await onlyTitle.locator('td.column-priority').click();
    const card = page.locator(`[data-card="${titleOnly}"]`);
    await card.locator('[data-field="body"]').waitFor();
    expect(await card.locator('[data-field="title"]').count()).toBe(0);
    expect(await card.locator('[data-field="body"]').textContent()).toBe(TITLE_ONLY);

    const authorRow = page.locator('tbody tr', { hasText: 'dana whitfield' });
    expect(await authorRow.locator('[data-article-author]').textContent()).toBe("article's author");
    expect(await onlyTitle.locator('[data-article-author]').count()).toBe(0);
    await authorRow.locator('td.column-priority').click();
    await page.locator(`[data-card="${fromTheAuthor.id}"] [data-article-author]`).waitFor();
    await shot(page, 'queue-article-author.png');
    await page.context().close();

    // The reader page shows the title-only comment once too (once it is published).
    await requestJson(state.baseUrl, `/api/moderation/comments/${titleOnly}/decision`, {
      method: 'POST',
      token,
      body: { action: 'approve', version: (await requestJson<ModerationCommentDetail>(state.baseUrl, `/api/moderation/comments/${titleOnly}`, { token })).version },
      expect: [200, 201],
    });
    const reader = await (await browser.newContext({ baseURL: state.baseUrl })).newPage();
    await reader.goto(`/read/${ARTICLE}`);
    const published = reader.locator(`article[data-comment-id="${titleOnly}"]`);
    await published.waitFor();
    expect(await published.locator('.comment-title').count()).toBe(0);
    expect(await published.locator('.comment-body').textContent()).toBe(TITLE_ONLY);
    await reader.context().close();
  });
});
