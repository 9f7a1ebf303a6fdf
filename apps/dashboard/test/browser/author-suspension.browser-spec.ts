import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { contextPages, expectConsoleErrors, launchChromium, signIn } from './support/chromium';
import { ReaderFixture } from './support/reader';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 17, item 17. Real: the dashboard and the reader page served by the built API, Postgres, Redis. A moderator
 * suspends an author from a comment's card for a set time with a message; the author, posting on the reader page,
 * is shown that message; the Authors page shows the suspension and lifts it, and the author may post again.
 */
const state = readRunState();
const fx = new ReaderFixture(state.baseUrl);
const ARTICLE = `suspend-${state.runId}`;
const AUTHOR = 'Rolf Grimm';
const MESSAGE = 'Two days off after repeated insults. You are welcome back after that.';

let browser: Browser;
const pages = contextPages(() => browser, state.baseUrl);
const open = pages.open;

async function postAs(page: Page, name: string, body: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Post a comment' });
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel('Your comment').fill(body);
  await form.getByRole('button', { name: 'Post comment' }).click();
}

beforeAll(async () => {
  browser = await launchChromium();
  await fx.login(state.users.moderator);
  await fx.upsertArticle(ARTICLE, { title: 'Night buses return', body: 'The night bus lines return from May.', preModerate: true });
  await fx.post(ARTICLE, { authorName: AUTHOR, body: 'Whoever planned these routes is a clown.' });
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
});

describe('author suspension', () => {
  it('suspended from the card for 2 days with a message; the author sees it when posting; lifted from the Authors page', async () => {
    const page = await open('/');
    await signIn(page, state.users.moderator.email, state.users.moderator.password);
    await page.locator('[data-panel="queues"]').waitFor();
    await page.goto(`/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: ARTICLE }))}`);
    await page.locator('tbody tr', { hasText: AUTHOR }).locator('td').nth(2).click();
    const author = page.locator('[data-section="author"]');
    await author.getByRole('button', { name: 'Suspend…' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${AUTHOR}` });
    // Nothing to send without a message.
    expect(await dialog.getByRole('button', { name: 'Suspend' }).isDisabled()).toBe(true);
    await dialog.getByLabel('For').fill('2');
    expect(await dialog.getByLabel('Unit').innerText()).toBe('days');
    await dialog.getByLabel('Message to the author').fill(MESSAGE);
    await dialog.locator('button:not([disabled])', { hasText: /^Suspend$/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'author-suspend-dialog.png') });
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    const chip = author.locator('[data-suspended-until]');
    await chip.waitFor();
    const until = Date.parse((await chip.getAttribute('data-suspended-until')) as string);
    expect(Math.round((until - Date.now()) / 3600_000)).toBe(48);

    // The author, on the reader page, is told why and until when; nothing is stored.
    const reader = await open(`/read/${ARTICLE}`);
    expectConsoleErrors(reader, /status of 403/);
    await postAs(reader, AUTHOR, 'Still think the planners are clowns.');
    const alert = reader.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(new RegExp(`^You cannot post comments until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. The moderators say: ${MESSAGE.replace(/\./g, '\\.')}$`));
    await reader.screenshot({ path: join(SCREENSHOT_DIR, 'reader-suspended.png') });
    expect(await reader.locator('article.comment.own').count()).toBe(0);

    // The Authors page shows it and lifts it; the author may post again (held for review: pre-moderated).
    await page.getByRole('menuitem', { name: 'Authors' }).click();
    const row = page.locator('tbody tr', { hasText: AUTHOR });
    await row.locator('[data-suspended-until]').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'authors-suspended.png') });
    await row.getByRole('button', { name: 'Lift suspension' }).click();
    await row.getByRole('button', { name: 'Suspend…' }).waitFor();
    expect(await row.locator('[data-suspended-until]').count()).toBe(0);

    await postAs(reader, AUTHOR, 'Fine, the new routes are better than I said.');
    await reader.locator('article.comment.own[data-state="held"]').waitFor();
  });

  it('the suspend dialog in dark mode', async () => {
    const page = await open('/', 'dark');
    await signIn(page, state.users.moderator.email, state.users.moderator.password);
    await page.getByRole('menuitem', { name: 'Authors' }).click();
    const row = page.locator('tbody tr', { hasText: AUTHOR });
    await row.getByRole('button', { name: 'Suspend…' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${AUTHOR}` });
    await dialog.getByLabel('For').fill('0');
    await dialog.getByText('A whole number, 1 or more').waitFor();
    expect(await dialog.getByRole('button', { name: 'Suspend' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'author-suspend-dialog-dark.png') });
  });
});
