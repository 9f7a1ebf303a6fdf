import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mintAuthorToken } from './support/author-token';
import { contextPages, expectConsoleErrors, launchChromium, signIn } from './support/chromium';
import { ReaderFixture } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 16. Real: the reader page and the dashboard served by the built API, Postgres, Redis. A reader
 * reports a published comment with a reason; it stays published and lands in the moderators' Reported queue with
 * its report count and reasons on the card; "Approve (keep)" clears it.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `reports-${state.runId}`;
const REPORTED = 'Buy cheap watches at my shop, best prices in town, message me now.';
const OTHER = 'The new cycle lanes on the bridge are a real improvement.';
const NOTE = 'Same advert under every article this week.';

let browser: Browser;
const pages = contextPages(() => browser, state.baseUrl);
const open = pages.open;

const commentOf = (page: Page, body: string) => page.locator('article.comment', { hasText: body });

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  // Pre-moderated: only the moderator publishes (no rule decides these while the spec runs).
  await fx.upsertArticle(ARTICLE, { title: 'Bridge reopens with cycle lanes', body: 'The bridge reopened with two new cycle lanes.', preModerate: true });
  for (const [authorName, body] of [['Shop Bot', REPORTED], ['Ines Kowalski', OTHER]] as const) {
    const { id } = await fx.post(ARTICLE, { authorName, body });
    await fx.decide(id, 'approve');
  }
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
});

describe('reader reports', () => {
  it('a reader reports a published comment with a reason; it stays published; the same reader cannot report it twice', async () => {
    const page = await open(`/read/${ARTICLE}`);
    const target = commentOf(page, REPORTED);
    await target.getByRole('button', { name: 'Report the comment by Shop Bot' }).click();
    const form = page.getByRole('form', { name: 'Report the comment by Shop Bot' });
    // The first reason has the focus; sending without a reason says what is missing and sends nothing.
    expect(await page.evaluate('document.activeElement?.getAttribute("type")')).toBe('radio');
    await form.getByRole('button', { name: 'Send report' }).click();
    expect(await form.getByRole('alert').innerText()).toBe('Please choose why you are reporting this comment.');
    await form.getByLabel('Spam or advertising').check();
    await form.getByLabel(/Anything to add/).fill(NOTE);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-report.png') });
    await form.getByRole('button', { name: 'Send report' }).click();
    expect(await target.getByRole('status').innerText()).toBe('Reported. Thank you: a moderator will look at it.');
    // Still published for everyone.
    expect(await commentOf(page, REPORTED).count()).toBe(1);
    // Remembered in this browser: after a reload it says "Reported", not "Report".
    await page.reload();
    await commentOf(page, REPORTED).locator('[data-reported]').waitFor();
    expect(await commentOf(page, OTHER).getByRole('button', { name: 'Report the comment by Ines Kowalski' }).count()).toBe(1);

    // Another browser on the same network is the same reader (guests are their network): told so, not counted twice.
    const again = await open(`/read/${ARTICLE}`);
    expectConsoleErrors(again, /status of 409/);
    await commentOf(again, REPORTED).getByRole('button', { name: /^Report/ }).click();
    await again.getByLabel('Off topic').check();
    await again.getByRole('button', { name: 'Send report' }).click();
    expect(await commentOf(again, REPORTED).getByRole('status').innerText()).toBe('You have already reported this comment.');

    // A signed-in reader (the publisher's author token) is a reader of their own.
    const signedIn = await open(`/read/${ARTICLE}#author-token=${mintAuthorToken('reader-42', 'Marta Quispe')}`);
    await commentOf(signedIn, REPORTED).getByRole('button', { name: /^Report/ }).click();
    await signedIn.getByLabel('Abuse or harassment').check();
    await signedIn.getByRole('button', { name: 'Send report' }).click();
    await commentOf(signedIn, REPORTED).getByText('Reported. Thank you').waitFor();
  });

  it('the moderator finds it in the Reported queue with the count and reasons on the card; Approve keeps it and clears the queue', async () => {
    for (const scheme of ['dark', 'light'] as const) {
      const page = await open('/', scheme);
      await signIn(page, state.users.moderator.email, state.users.moderator.password);
      const menuItem = page.getByRole('menuitem', { name: /^Reported/ });
      await menuItem.locator('[data-count="1"]').waitFor();
      await menuItem.click();
      const row = page.locator('tbody tr', { hasText: 'Shop Bot' });
      await row.locator('[data-open-reports="2"]').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      await row.locator('td').nth(2).click();
      const reports = page.locator('[data-section="reports"]');
      await reports.waitFor();
      expect(await reports.locator('h2').innerText()).toMatch(/reported by 2 readers/i);
      expect((await reports.locator('[data-report-reason]').allInnerTexts()).sort()).toEqual(['Abuse or harassment', 'Spam or advertising']);
      expect(await reports.locator('[data-report-note]').innerText()).toContain(NOTE);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `queue-reported-card${scheme === 'dark' ? '-dark' : ''}.png`) });
      if (scheme === 'dark') continue;

      await page.getByRole('button', { name: 'Approve (keep)' }).click();
      await page.locator('[data-empty-queue]').waitFor();
      await menuItem.locator('[data-count="0"]').waitFor();
    }
    // Still published, and the reports are resolved as kept.
    const reader = await open(`/read/${ARTICLE}`);
    await commentOf(reader, REPORTED).waitFor();
  });
});
