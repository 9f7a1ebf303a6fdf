import type { CampaignDetail, IntakeResponse, ModerationCommentDetail } from '@sift/shared';
import { join } from 'node:path';
import { PUBLISHER_KEY } from './global-setup';
import { signIn, useDashboardPage } from './support/chromium';
import { requestJson, waitFor } from './support/http';
import { createArticle, detailOf, tokenFor } from './support/moderation';
import { readRunState, SCREENSHOT_DIR } from './support/run-state';

/**
 * Issue 18, Targets: a campaign of 8 comments from 5 names over 3 articles shows as one cluster in the Campaigns
 * queue; one action hides all 8; undo restores them; the audit trail of each says so. Real: the built API and
 * worker (the seeded campaign rule, in shadow, stores and clusters every comment), Postgres, Redis, Chromium.
 */
const state = readRunState();
const { moderator } = state.users;
const ARTICLES = ['levy-a', 'levy-b', 'levy-c'].map((a) => `${a}-${state.runId}`);
const POINT = 'The harbour levy is daylight robbery and the mayor hid the real costs from every ratepayer in this town';
const COPIES = [
  POINT,
  `${POINT.toUpperCase()}!!!`,
  `Wake up people. ${POINT} 😡`,
  'the harbour levy is daylight robbery, and the mayor hid the real costs from every ratepayer in town',
  'Harbour levy = daylight robbery. The mayor hid the real costs from every single ratepayer in this town',
  `${POINT}. Vote them out!`,
  'The harbor levy is daylight robbery and the mayor hid the real cost from every ratepayer in this town 🔥',
  'Honestly the harbour levy is daylight robbery and our mayor hid the real costs from every ratepayer',
];
const NAMES = ['Ann Ferris', 'Bo Kettle', 'Cy Mallow', 'Di Pruitt', 'Ed Quarry'];

const ui = useDashboardPage(state.baseUrl);
let token: string;
const ids: string[] = [];
const before = new Map<string, string>();

const triaged = (id: string) =>
  waitFor(async () => {
    const d = await detailOf(state.baseUrl, token, id);
    return d.audit.some((e) => e.actorType === 'rule') ? d : undefined;
  }, { timeoutMs: 30_000, describe: () => `triage of ${id}` });
const statuses = async () => Promise.all(ids.map(async (id) => (await detailOf(state.baseUrl, token, id)).status));

beforeAll(async () => {
  token = await tokenFor(state.baseUrl, moderator);
  for (const a of ARTICLES) await createArticle(state.baseUrl, PUBLISHER_KEY, a, 'Harbour levy approved', 'The council approved a levy on harbour users to pay for the new quay.');
  for (let i = 0; i < COPIES.length; i++) {
    const { id } = await requestJson<IntakeResponse>(state.baseUrl, `/api/articles/${ARTICLES[i % 3]}/comments`, {
      method: 'POST',
      body: { authorName: NAMES[i % 5], body: COPIES[i] },
      expect: [202],
    });
    ids.push(id);
    const d: ModerationCommentDetail = await triaged(id); // in arrival order, as a real stream is triaged
    before.set(id, d.status);
  }
});

describe('the Campaigns queue', () => {
  it('shows 8 comments from 5 names over 3 articles as one campaign; one action hides all 8; undo restores them; each audit trail says so', async () => {
    const campaign = await requestJson<CampaignDetail>(state.baseUrl, `/api/moderation/campaigns/${ids[0]}`, { token });
    expect(campaign.members.map((m) => m.id).sort()).toEqual([...ids].sort());

    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.getByRole('menuitem', { name: 'Campaigns' }).click();
    const row = ui.page.locator('tbody tr', { has: ui.page.locator(`[data-campaign="${ids[0]}"]`) });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['8', '5', '3']));
    expect(await row.locator('mark[data-passage]').innerText()).toContain('daylight robbery');
    await ui.page.screenshot({ path: join(SCREENSHOT_DIR, 'campaigns.png') });

    await row.locator(`[data-campaign="${ids[0]}"]`).click();
    await ui.page.locator('[data-campaign-summary]').getByText('8 comments from 5 authors on 3 articles').waitFor();
    expect(await ui.page.locator('tr[data-member]').count()).toBe(8);
    expect(await ui.page.locator('tr[data-member] mark[data-passage]').count()).toBe(8);
    await ui.page.screenshot({ path: join(SCREENSHOT_DIR, 'campaign.png'), fullPage: true });

    await ui.page.locator('[data-action="campaign-hide"]').click();
    await ui.page.locator('[data-reason="Spam or advertising"]').click();
    await ui.page.locator('tr[data-member][data-status="hidden"]').nth(7).waitFor();
    expect(await statuses()).toEqual(ids.map(() => 'hidden'));

    await ui.page.locator('[data-action="campaign-undo"]').click();
    await waitFor(async () => ((await ui.page.locator('tr[data-member][data-status="hidden"]').count()) === 0 ? true : undefined), { timeoutMs: 10_000, describe: () => 'the undo' });
    expect(await statuses()).toEqual(ids.map((id) => before.get(id)));

    for (const id of ids) {
      const audit = (await detailOf(state.baseUrl, token, id)).audit.filter((e) => e.details?.campaign === ids[0]);
      expect(audit.map((e) => [e.toStatus, e.reason, e.actorType, e.details?.undo ?? false])).toEqual([
        ['hidden', 'Spam or advertising', 'user', false],
        [before.get(id), 'Undo of the campaign decision', 'user', true],
      ]);
    }
    // The card's audit trail links the campaign decision and its undo.
    await ui.page.goto(`/#/comments/${ids[3]}/show`);
    await ui.page.locator('[data-campaign-event="decision"]').waitFor();
    expect(await ui.page.locator('[data-campaign-event="undo"]').count()).toBe(1);
  });
});
