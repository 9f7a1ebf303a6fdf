#!/usr/bin/env node
// `npm run screenshots:demo [-- --base URL --out DIR]`: the README's screenshots, taken from a running `npm start`
// (the demo accounts, the demo thread as npm start loaded it), in Debian's Chromium through playwright-core.
// Run it against a fresh clone's `npm start` so the pictures show what a new user gets (docs/screenshots/demo-*.png).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../lib.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const base = arg('--base', 'http://127.0.0.1:3000');
const out = resolve(arg('--out', join(ROOT, 'docs/screenshots')));
const article = arg('--article', 'city-budget-2026');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);

  await page.goto(`/read/${article}`);
  await page.locator('article.comment').first().waitFor();
  await page.screenshot({ path: join(out, 'demo-reader-page.png'), fullPage: true });

  await page.goto('/');
  await page.locator('input[name="email"]').waitFor();
  await page.screenshot({ path: join(out, 'demo-login.png') });
  await page.locator('input[name="email"]').fill('moderator@sift.local');
  await page.locator('input[name="password"]').fill('sift-demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-panel="per-hour"]').waitFor();
  await page.mouse.move(5, 795);
  await page.waitForTimeout(600); // the live counts settle
  await page.screenshot({ path: join(out, 'demo-home.png'), animations: 'disabled' });
  await page.locator('[data-queue="flagged"]').click();
  await page.locator('tbody tr').first().waitFor();
  await page.mouse.move(5, 795);
  await page.waitForTimeout(600); // menu counts and row transitions settle
  await page.screenshot({ path: join(out, 'demo-queue.png'), animations: 'disabled' });
  await page.locator('tbody tr').first().click();
  await page.locator('[data-card] [data-section="author"]').waitFor();
  await page.mouse.move(5, 795);
  await page.waitForTimeout(600); // the drawer's slide-in
  await page.screenshot({ path: join(out, 'demo-queue-card.png'), animations: 'disabled' });
  console.log(`screenshots of ${base} in ${out}: demo-reader-page.png, demo-login.png, demo-home.png, demo-queue.png, demo-queue-card.png`);
} finally {
  await browser.close();
}
