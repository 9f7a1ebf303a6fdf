import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectConsoleErrors, signIn, useDashboardPage } from './support/chromium';
import { waitFor } from './support/http';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Real: headless Chromium on the built dashboard, served by the built API, over the comments that global setup
 * posted through the publisher API and the worker triaged. Nothing is mocked.
 */
const state = readRunState();
const { moderator } = state.users;
const { welcome, linkSpam, oneLink, hiddenByAdmin, held } = state.comments;

const ui = useDashboardPage(state.baseUrl);

const row = (authorName: string) => ui.page.locator('tbody tr', { hasText: authorName });

describe('dashboard sign-in and the comments queue', () => {
  it('a moderator signs in to Home, sees every comment with its status and flags, and opens the link evidence', async () => {
    await signIn(ui.page, moderator.email, moderator.password);

    // Home first: queue sizes and the charts.
    await ui.page.locator('[data-panel="queues"] .recharts-surface').first().waitFor();
    await ui.page.getByText('Mo Moderator').first().waitFor();

    // The seeded articles' comments, every status (other specs add comments of their own to other articles).
    const byArticle: Array<[string, Array<typeof welcome>]> = [
      ['harbour-street-cycle-lanes', [welcome, linkSpam, oneLink, hiddenByAdmin]],
      ['stadium-deal-opinion', [held]],
    ];
    for (const [articleExternalId, comments] of byArticle) {
      await ui.page.goto(`/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId }))}&sort=priority&order=DESC`);
      await ui.page.getByText(`1-${comments.length} of ${comments.length}`).waitFor();
      for (const comment of comments) {
        await row(comment.authorName).waitFor();
        expect(await row(comment.authorName).textContent()).toContain(comment.status);
      }
    }
    // Highest priority first: on its article, the flagged comment leads the queue, with its rule as a chip.
    await ui.page.goto(`/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: 'harbour-street-cycle-lanes' }))}&sort=priority&order=DESC`);
    await ui.page.getByText('1-4 of 4').waitFor();
    const first = ui.page.locator('tbody tr').first();
    expect(await first.textContent()).toContain(linkSpam.authorName);
    expect(await first.locator('.MuiChip-label').allTextContents()).toEqual(expect.arrayContaining(['flagged', 'Too many links']));
    expect(await row(welcome.authorName).locator('.MuiChip-label').allTextContents()).toEqual(['approved']);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await ui.page.mouse.move(1270, 790); // no row under the pointer (the Sign in button was there)
    await ui.page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-list.png') });

    // A click opens the card beside the queue.
    await first.locator('td').nth(2).click();
    const card = ui.page.locator(`[data-card="${linkSpam.id}"]`);
    const body = card.locator('[data-field="body"]');
    await body.waitFor();
    // The text as stored; the rule labels after the marks are not part of it.
    expect(await body.evaluate((el) => {
      const copy = el.cloneNode(true) as typeof el;
      copy.querySelectorAll('sup').forEach((s: { remove(): void }) => s.remove());
      return copy.textContent;
    })).toBe(linkSpam.body);
    expect(await body.locator('mark').allTextContents()).toEqual([
      'https://cheap-bikes.example.com/deal',
      'http://parts.example.net/sale',
      'www.example.org/win',
    ]);
    expect(await body.locator('mark').first().getAttribute('data-rule')).toBe('Too many links');

    const flag = card.locator('[data-flag="Too many links"]');
    const flagText = await flag.textContent();
    expect(flagText).toContain('links rule v1');
    expect(flagText).toContain('score 3 / threshold 3');
    expect(flagText).toContain('3 links (more than 2 is flagged)');

    await card.locator('[data-section="parent"]').waitFor();
    expect(await card.locator('[data-section="parent"]').textContent()).toContain(welcome.body);

    const events = card.locator('li[data-event]');
    await events.nth(1).waitFor();
    expect(await events.allTextContents()).toEqual([
      expect.stringContaining('received by system'),
      expect.stringContaining('pending → flagged by triage rules'),
    ]);
    await ui.page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-comment.png') });
  });

  it('the dashboard asks for the live stream token once per sign-in (issue 17, item 21)', async () => {
    const asked: string[] = [];
    const streams: string[] = [];
    ui.page.on('request', (r) => {
      if (r.url().endsWith('/api/moderation/stream-token')) asked.push(r.url());
      if (r.url().includes('/api/moderation/stream?token=')) streams.push(r.url());
    });
    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.locator('[data-panel="queues"]').waitFor();
    await waitFor(async () => (streams.length > 0 ? true : undefined), { timeoutMs: 15_000, describe: () => 'the live stream to open' });
    // Around the dashboard and back: the layout and its live connection stay.
    await ui.page.locator('[data-queue="flagged"]').click();
    await ui.page.locator('tbody tr').first().waitFor();
    await ui.page.getByRole('menuitem', { name: 'Home' }).click();
    await ui.page.locator('[data-panel="queues"]').waitFor();
    expect(asked).toHaveLength(1);
    expect(streams).toHaveLength(1);
  });

  it('a wrong password shows an error and stays on the login ui.page', async () => {
    // The only console noise is Chromium reporting the 401 itself.
    expectConsoleErrors(ui.page, /status of 401 .*\/api\/auth\/login/);
    await signIn(ui.page, moderator.email, `${moderator.password}-wrong`);

    await ui.page.getByText('wrong email or password').waitFor();
    expect(ui.page.url()).toMatch(/#\/login$/);
    expect(await ui.page.locator('input[name="password"]').isVisible()).toBe(true);
    expect(await ui.page.evaluate('localStorage.getItem("sift.session")')).toBeNull();
  });

  it('a signed-out link into the queue goes to the Sift sign-in page, and signing in lands where the link pointed', async () => {
    const route = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ articleExternalId: 'stadium-deal-opinion' }))}`;
    await signIn(ui.page, moderator.email, moderator.password, route);
    await ui.page.getByText('1-1 of 1').waitFor();
    expect(decodeURIComponent(ui.page.url())).toContain('#/comments?filter={"articleExternalId":"stadium-deal-opinion"}');
    await row(held.authorName).waitFor();
  });

  it('the sign-in page is Sift\'s and refuses a "next" that leaves the dashboard', async () => {
    await ui.page.goto('/#/login?next=' + encodeURIComponent('//evil.example.com/x'));
    await ui.page.getByRole('heading', { name: 'Sift' }).waitFor();
    await ui.page.locator('input[name="email"]').fill(moderator.email);
    await ui.page.locator('input[name="password"]').fill(moderator.password);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.locator('[data-panel="queues"]').waitFor();
    expect(new URL(ui.page.url()).host).toBe(new URL(state.baseUrl).host);
    expect(ui.page.url()).toMatch(/#\/$/);
  });
});
