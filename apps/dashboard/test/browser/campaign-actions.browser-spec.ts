import type { AuthorRecord, CampaignDetail, IntakeResponse, ModerationCommentDetail } from '@sift/shared';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PUBLISHER_KEY } from './global-setup';
import { contextPages, launchChromium, signIn } from './support/chromium';
import { requestJson, waitFor } from './support/http';
import { createArticle, detailOf, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 18, item 4's last two actions on a whole campaign: "suspend all its authors for a time" (each author
 * suspended through the author suspension feature, intake refuses them, Undo puts each back) and "keep hiding this
 * campaign" (after a hide, a new member is hidden by the rules, its audit trail naming the campaign; switched off,
 * the next one is not). Real: the built API and worker (the seeded campaign rule, in shadow, clusters every
 * comment), Postgres, Redis, Chromium. Its own talking point and names, so no other spec's comments join it.
 */
const state = readRunState();
const { moderator } = state.users;
const ARTICLES = ['quay-a', 'quay-b', 'quay-c'].map((a) => `${a}-${state.runId}`);
const POINT = 'The new quay parking fees are a scandal and the port board never asked a single local fisherman about them';
const COPIES = [
  POINT,
  `${POINT}!!`,
  `Seriously. ${POINT}`,
  'the new quay parking fees are a scandal, and the port board never asked one local fisherman about them',
  `${POINT}. Shame on them.`,
  'New quay parking fees = scandal. The port board never asked a single local fisherman about them 😠',
];
const NAMES = ['Iris Pollard', 'Jory Teague', 'Kit Vance'];
const MESSAGE = 'Two days off: coordinated posting is not allowed here.';

let browser: Browser;
const pages = contextPages(() => browser, state.baseUrl);
let token: string;
const ids: string[] = [];

const post = async (i: number, name: string, body: string) =>
  (await requestJson<IntakeResponse>(state.baseUrl, `/api/articles/${ARTICLES[i % 3]}/comments`, { method: 'POST', body: { authorName: name, body }, expect: [202] })).id;
const triaged = (id: string) =>
  waitFor(async () => {
    const d = await detailOf(state.baseUrl, token, id);
    return d.audit.some((e) => e.actorType === 'rule') ? d : undefined;
  }, { timeoutMs: 30_000, describe: () => `triage of ${id}` });
const campaign = () => requestJson<CampaignDetail>(state.baseUrl, `/api/moderation/campaigns/${ids[0]}`, { token });
const author = (key: string) => requestJson<AuthorRecord>(state.baseUrl, `/api/moderation/authors/${encodeURIComponent(key)}`, { token });

async function campaignPage(colorScheme: 'light' | 'dark' = 'light', summary = `${COPIES.length} comments from 3 authors on 3 articles`): Promise<Page> {
  const page = await pages.open('/', colorScheme);
  await signIn(page, moderator.email, moderator.password);
  await page.locator('[data-panel="queues"]').waitFor(); // signed in
  await page.goto(`/#/campaigns/${ids[0]}/show`);
  await page.locator('[data-campaign-summary]').getByText(summary).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  token = await tokenFor(state.baseUrl, moderator);
  for (const a of ARTICLES) await createArticle(state.baseUrl, PUBLISHER_KEY, a, 'Quay parking fees', 'The port board set parking fees on the new quay.');
  for (let i = 0; i < COPIES.length; i++) {
    ids.push(await post(i, NAMES[i % 3], COPIES[i]));
    await triaged(ids[i]); // in arrival order, as a real stream is triaged
  }
  expect((await campaign()).members.map((m) => m.id).sort()).toEqual([...ids].sort());
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
});

describe('a campaign as a whole', () => {
  it('"Suspend all 3 authors" suspends each for 2 days with a message; intake refuses them; Undo puts each back; both actions listed', async () => {
    const keys = [...new Set(await Promise.all(ids.map(async (id) => (await detailOf(state.baseUrl, token, id)).authorKey)))];
    expect(keys).toHaveLength(3);
    const page = await campaignPage();
    await page.locator('[data-action="campaign-suspend"]').click();
    const dialog = page.getByRole('dialog', { name: 'Suspend all 3 authors' });
    expect(await dialog.getByRole('button', { name: 'Suspend' }).isDisabled()).toBe(true); // no message yet
    await dialog.getByLabel('For').fill('2');
    await dialog.getByLabel('Message to the author').fill(MESSAGE);
    await dialog.locator('button:not([disabled])', { hasText: /^Suspend$/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'campaign-suspend-dialog.png') });
    await dialog.getByRole('button', { name: 'Suspend' }).click();

    const chip = page.locator('[data-campaign-suspended]');
    await chip.waitFor();
    expect(await chip.innerText()).toMatch(/^3 authors suspended until /);
    await page.locator('[data-campaign-action="suspend"]').getByText('3 authors suspended for 2 days').waitFor();
    const until = await chip.getAttribute('data-campaign-suspended');
    for (const key of keys) expect(await author(key)).toMatchObject({ suspendedUntil: until, suspensionMessage: MESSAGE });
    const refused = await fetch(new URL(`/api/articles/${ARTICLES[0]}/comments`, state.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authorName: NAMES[1], body: 'And another thing about those quay fees.' }),
    });
    expect([refused.status, ((await refused.json()) as { suspensionMessage?: string }).suspensionMessage]).toEqual([403, MESSAGE]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'campaign-suspended.png'), fullPage: true });

    await page.locator('[data-action="campaign-unsuspend"]').click();
    await page.locator('[data-campaign-action="suspend-undo"]').waitFor();
    await page.locator('[data-action="campaign-suspend"]').waitFor();
    for (const key of keys) expect(await author(key)).toMatchObject({ suspendedUntil: null, suspensionMessage: null });
  });

  it('"Keep hiding this campaign": off until it is hidden; on, a new member is hidden by the rules naming the campaign; off, the next is not', async () => {
    const page = await campaignPage();
    const keep = page.locator('[data-action="campaign-keep-hiding"] input');
    expect(await keep.isDisabled()).toBe(true);
    await page.getByText('Hide the campaign first.').waitFor();

    await page.locator('[data-action="campaign-hide"]').click();
    await page.locator('[data-reason="Spam or advertising"]').click();
    await page.locator('tr[data-member][data-status="hidden"]').nth(COPIES.length - 1).waitFor();
    await page.locator('[data-action="campaign-keep-hiding"] input:not([disabled])').waitFor();
    await keep.click(); // controlled: it shows "on" once the API said so
    await page.locator('[data-campaign-action="keep-hiding-on"]').getByText('keep hiding switched on (Spam or advertising)').waitFor();
    expect(await keep.isChecked()).toBe(true);
    expect((await campaign()).keepHiding).toMatchObject({ reason: 'Spam or advertising', by: expect.any(String) });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'campaign-keep-hiding.png'), fullPage: true });

    const late = await post(1, 'Lena Moss', 'Honestly the new quay parking fees are a scandal and the port board never asked a single local fisherman');
    const d: ModerationCommentDetail = await triaged(late);
    const rule = d.audit.filter((e) => e.actorType === 'rule' && e.toStatus !== 'pending');
    expect([d.status, rule.map((e) => [e.toStatus, e.reason, e.details?.campaign, e.details?.keepHiding])]).toEqual([
      'hidden',
      [['hidden', 'its campaign is kept hidden: Spam or advertising', ids[0], true]],
    ]);
    // Its card links the campaign that hid it.
    await page.goto(`/#/comments/${late}/show`);
    await page.locator('[data-campaign-event="keep"]').getByText('joined a campaign the moderators keep hidden').waitFor();

    await page.goto(`/#/campaigns/${ids[0]}/show`);
    await page.locator(`tr[data-member="${late}"][data-status="hidden"]`).waitFor();
    await page.locator('[data-action="campaign-keep-hiding"] input:not([disabled])').click();
    await page.locator('[data-campaign-action="keep-hiding-off"]').waitFor();
    const later = await post(2, 'Milo Hart', 'Truly the new quay parking fees are a scandal and the port board never asked a single local fisherman');
    const after = await triaged(later);
    expect(after.status).not.toBe('hidden');
    expect((await campaign()).members.map((m) => m.id)).toEqual(expect.arrayContaining([late, later]));
  });

  it('the campaign page in dark mode', async () => {
    const page = await campaignPage('dark', `${COPIES.length + 2} comments from 5 authors on 3 articles`);
    await page.locator('[data-campaign-action="keep-hiding-off"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'campaign-actions-dark.png'), fullPage: true });
  });
});
