import type { Evidence } from '@sift/shared';
import { eventually, http, loginAs, postFrom, putArticle, useStack } from '../utils/harness.js';

// Issue 18. Real: the HTTP app, BullMQ, the worker running the seeded rules as migrated (the campaign rule switched
// live here), Postgres with the campaign signatures.
describe('campaigns', () => {
  const { api } = useStack({ worker: true });
  const ARTICLES = ['harbour-levy', 'council-vote', 'ferry-fares'];
  const POINT = 'The harbour levy is daylight robbery and the mayor hid the real costs from every ratepayer in this town';
  const copies = [
    POINT,
    `${POINT.toUpperCase()}!!!`,
    `Wake up people. ${POINT} 😡`,
    'the harbour levy is daylight robbery, and the mayor hid the real costs from every ratepayer in town',
    'Harbour levy = daylight robbery. The mayor hid the real costs from every single ratepayer in this town',
    `${POINT}. Vote them out!`,
    'The harbor levy is daylight robbery and the mayor hid the real cost from every ratepayer in this town 🔥',
    'Honestly the harbour levy is daylight robbery and our mayor hid the real costs from every ratepayer',
  ];
  const NAMES = ['Ann', 'Bo', 'Cy', 'Di', 'Ed'];

  beforeEach(async () => {
    for (const a of ARTICLES) await putArticle(api, a, { title: `About ${a}`, body: 'The council debated the harbour budget.' });
    await api.ds.query(`UPDATE rules SET mode = 'live', version = version + 1, updated_at = now() WHERE type = 'campaign'`);
  });

  const post = async (from: string, article: string, authorName: string, body: string) => {
    const res = await postFrom(from, `${api.url}/api/articles/${article}/comments`, { authorName, body });
    expect(res.status).toBe(202);
    return (res.body as { id: string }).id;
  };
  const decided = (id: string) =>
    eventually(async () => {
      const [r] = await api.ds.query(
        `SELECT c.status, f.evidence, s.cluster_id FROM comments c JOIN triage_decisions d ON d.comment_id = c.id
           LEFT JOIN triage_flags f ON f.comment_id = c.id AND f.rule_type = 'campaign'
           LEFT JOIN campaign_signatures s ON s.comment_id = c.id WHERE c.id = $1`,
        [id],
      );
      return r as { status: string; evidence: Evidence | null; cluster_id: string | null } | undefined;
    }, 20000, `triage of ${id}`);

  const postCampaign = async () => {
    const ids: string[] = [];
    for (let i = 0; i < copies.length; i++) {
      ids.push(await post(`127.0.0.${10 + (i % 5)}`, ARTICLES[i % 3], NAMES[i % 5], copies[i]));
      await decided(ids[i]); // in arrival order, as a real stream would be triaged
    }
    return ids;
  };

  it('8 paraphrases from 5 names over 3 articles are one campaign; from the fifth on the rule flags them, naming the cluster and the shared passage', async () => {
    const ids = await postCampaign();
    const other = await decided(await post('127.0.0.30', ARTICLES[0], 'Flo', 'Lovely ferry ride this morning, the new timetable works well for commuters'));
    const results = [];
    for (const id of ids) results.push(await decided(id));
    expect(new Set(results.map((r) => r.cluster_id))).toEqual(new Set([ids[0]]));
    expect(other.cluster_id).toBeNull();
    expect(other.evidence).toBeNull();
    expect(results.map((r) => r.evidence !== null)).toEqual([false, false, false, false, true, true, true, true]);
    const last = results[7].evidence as Evidence & { spans: NonNullable<Evidence['spans']> };
    expect(last.cluster).toMatchObject({ id: ids[0], size: 8, authors: 5, articles: 3, articleIds: expect.arrayContaining(ARTICLES) });
    expect(last.summary).toMatch(/^campaign of 8 comments from 5 authors on 3 articles: “.*daylight robbery/);
    expect(last.spans[0]).toMatchObject({ field: 'body', label: 'shared passage' });
    expect(copies[7].slice(last.spans[0].start, last.spans[0].end)).toContain('daylight robbery');
    expect(results[7].status).toBe('flagged');
    // Item 2: the burst on the article (3 of the 8 in the last minutes, none before) and all authors new to the site.
    expect(last.burst).toMatchObject({ baselinePerMinute: 0, newAuthorShare: 1 });
    expect((last.burst as { perMinute: number }).perMinute).toBeGreaterThan(0);
  });

  it('one network under four names fires the rule (short comments too: their signatures are stored, never clustered)', async () => {
    const bodies = ['Schools first in the budget', 'Roads are a mess near the port', 'Why no new library this year', 'Ferry fares are too high again'];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await post('127.0.0.40', ARTICLES[0], `Sock ${i}`, bodies[i]));
    const r = [];
    for (const id of ids) r.push(await decided(id));
    expect(r.map((x) => x.evidence !== null)).toEqual([false, false, false, true]);
    expect(r[3].evidence?.networkNames).toHaveLength(4);
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM campaign_signatures WHERE comment_id = ANY($1)`, [ids]);
    expect(n).toBe(4);
  });

  it('a moderator hides the whole campaign in one request and undoes it: every member audited with the campaign', async () => {
    const ids = await postCampaign();
    const before = await api.ds.query(`SELECT id, status FROM comments WHERE id = ANY($1) ORDER BY id`, [ids]);
    const auth = await loginAs(api, 'moderator');
    const list = await http<Array<{ id: string; size: number; authors: number; articles: number }>>(`${api.url}/api/moderation/campaigns`, 'GET', undefined, auth);
    expect(list.body).toEqual([expect.objectContaining({ id: ids[0], size: 8, authors: 5, articles: 3 })]);
    const hide = await http(`${api.url}/api/moderation/campaigns/${ids[0]}/decision`, 'POST', { action: 'hide', reason: 'Spam or advertising' }, auth);
    expect(hide.body).toEqual({ id: ids[0], action: 'hide', changed: 8, unchanged: 0 });
    const statuses = async () => (await api.ds.query(`SELECT id, status FROM comments WHERE id = ANY($1) ORDER BY id`, [ids])) as Array<{ id: string; status: string }>;
    expect((await statuses()).map((r) => r.status)).toEqual(ids.map(() => 'hidden'));
    const undo = await http(`${api.url}/api/moderation/campaigns/${ids[0]}/undo`, 'POST', undefined, auth);
    expect(undo.body).toEqual({ id: ids[0], action: 'undo', changed: 8, unchanged: 0 });
    expect(await statuses()).toEqual(before);
    const events = await api.ds.query(
      `SELECT comment_id, to_status, details->>'undo' AS undo FROM moderation_events WHERE details->>'campaign' = $1 ORDER BY created_at`,
      [ids[0]],
    );
    expect(events).toHaveLength(16);
    expect(await http(`${api.url}/api/moderation/campaigns/${ids[0]}/decision`, 'POST', { action: 'delete' }, auth)).toMatchObject({ status: 400 });
    expect(await http(`${api.url}/api/moderation/campaigns/00000000-0000-4000-8000-000000000000`, 'GET', undefined, auth)).toMatchObject({ status: 404 });
  });

  type Detail = { suspension: { until: string; hours: number; authors: number } | null; keepHiding: { reason: string | null } | null; actions: Array<{ kind: string; by: string; summary: string }> };
  const campaignUrl = (id: string) => `${api.url}/api/moderation/campaigns/${id}`;
  const suspensionOf = async (keys: string[]) =>
    (await api.ds.query(`SELECT key, suspended_until, suspension_message FROM authors WHERE key = ANY($1) ORDER BY key`, [keys])) as Array<{
      key: string;
      suspended_until: Date | null;
      suspension_message: string | null;
    }>;

  it('item 4: "suspend all its authors" suspends each of the 5 in one action, intake refuses them, and the undo gives each their suspension before', async () => {
    const ids = await postCampaign();
    const auth = await loginAs(api, 'moderator');
    const keys: string[] = (await api.ds.query(`SELECT DISTINCT author_key FROM comments WHERE id = ANY($1) ORDER BY author_key`, [ids])).map((r: { author_key: string }) => r.author_key);
    expect(keys).toHaveLength(5);
    // One of them was already suspended, for two hours, for something else.
    const earlier = await http<{ suspendedUntil: string }>(`${api.url}/api/moderation/authors/${encodeURIComponent(keys[0])}/suspension`, 'PUT', { hours: 2, message: 'Two hours off.' }, auth);
    expect(earlier.status).toBe(200);

    const res = await http<Detail>(`${campaignUrl(ids[0])}/suspension`, 'PUT', { hours: 48, message: 'Coordinated posting is not allowed here.' }, auth);
    expect(res.status).toBe(200);
    expect(res.body.suspension).toMatchObject({ hours: 48, authors: 5 });
    const until = Date.parse(res.body.suspension?.until ?? '');
    expect(Math.abs(until - Date.now() - 48 * 3600_000)).toBeLessThan(10 * 60_000);
    expect((await suspensionOf(keys)).map((a) => [a.suspended_until?.getTime(), a.suspension_message])).toEqual(keys.map(() => [until, 'Coordinated posting is not allowed here.']));
    // Intake refuses any of them, with the message.
    const refused = await postFrom('127.0.0.11', `${api.url}/api/articles/${ARTICLES[0]}/comments`, { authorName: NAMES[1], body: 'One more time about the harbour levy.' });
    expect(refused).toMatchObject({ status: 403, body: expect.objectContaining({ suspensionMessage: 'Coordinated posting is not allowed here.' }) });

    const undone = await http<Detail>(`${campaignUrl(ids[0])}/suspension`, 'DELETE', undefined, auth);
    expect(undone.status).toBe(200);
    expect(undone.body.suspension).toBeNull();
    const after = await suspensionOf(keys);
    expect(after.map((a) => [a.key, a.suspended_until?.toISOString() ?? null, a.suspension_message])).toEqual(
      keys.map((k) => (k === keys[0] ? [k, earlier.body.suspendedUntil, 'Two hours off.'] : [k, null, null])),
    );
    expect(undone.body.actions.map((a) => [a.kind, a.by])).toEqual([
      ['suspend', 'moderator user'],
      ['suspend-undo', 'moderator user'],
    ]);
    expect(undone.body.actions[0].summary).toBe('5 authors suspended for 2 days: “Coordinated posting is not allowed here.”');
    // Nothing left to undo; bad input is refused before anything is stored.
    expect((await http(`${campaignUrl(ids[0])}/suspension`, 'DELETE', undefined, auth)).status).toBe(409);
    for (const body of [{ hours: 0, message: 'x' }, { hours: 48 }, { hours: 48, message: '  ' }, { hours: 1e9, message: 'x' }, 'nonsense']) {
      expect([body, (await http(`${campaignUrl(ids[0])}/suspension`, 'PUT', body, auth)).status]).toEqual([body, 400]);
    }
    expect((await http(`${campaignUrl('00000000-0000-4000-8000-000000000000')}/suspension`, 'PUT', { hours: 1, message: 'x' }, auth)).status).toBe(404);
    const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM campaign_actions`);
    expect(n).toBe(2);
  });

  it('item 4: "keep hiding this campaign" hides a new member by the rules, naming the campaign; off, the next one is triaged as usual; the undo of the hide switches it off', async () => {
    const ids = await postCampaign();
    const auth = await loginAs(api, 'moderator');
    const keep = (id: string, body: unknown) => http<Detail>(`${campaignUrl(id)}/keep-hiding`, 'PUT', body, auth);
    // Only a hidden campaign can be kept hidden.
    expect((await keep(ids[0], { on: true })).status).toBe(409);
    await http(`${campaignUrl(ids[0])}/decision`, 'POST', { action: 'hide', reason: 'Spam or advertising' }, auth);
    const on = await keep(ids[0], { on: true });
    expect(on.status).toBe(200);
    expect(on.body.keepHiding).toMatchObject({ reason: 'Spam or advertising' });

    const late = await post('127.0.0.20', ARTICLES[1], 'Gus', 'So the harbour levy is daylight robbery and the mayor hid the real costs from every ratepayer here');
    expect(await decided(late)).toMatchObject({ status: 'hidden', cluster_id: ids[0] });
    const events = await api.ds.query(`SELECT from_status, to_status, actor_type, reason, details FROM moderation_events WHERE comment_id = $1 AND to_status <> 'pending'`, [late]);
    expect(events).toEqual([
      {
        from_status: 'pending',
        to_status: 'hidden',
        actor_type: 'rule',
        reason: 'its campaign is kept hidden: Spam or advertising',
        details: expect.objectContaining({ campaign: ids[0], keepHiding: true }),
      },
    ]);
    // The campaign's decision is still the moderator's hide (a rule's event is no decision).
    const detail = await http<Detail & { decision: { by: string } }>(campaignUrl(ids[0]), 'GET', undefined, auth);
    expect(detail.body.decision).toMatchObject({ action: 'hide', by: 'moderator user' });

    expect((await keep(ids[0], { on: false })).body.keepHiding).toBeNull();
    const later = await post('127.0.0.21', ARTICLES[2], 'Hal', 'Truly the harbour levy is daylight robbery and the mayor hid the real costs from every ratepayer');
    expect(await decided(later)).toMatchObject({ status: 'flagged', cluster_id: ids[0] });

    // On again; the undo of the hide puts back every member it hid (the kept one too) and switches it off.
    await keep(ids[0], { on: true });
    const undo = await http<{ changed: number }>(`${campaignUrl(ids[0])}/undo`, 'POST', undefined, auth);
    expect(undo.body.changed).toBe(9);
    const [{ status }] = await api.ds.query(`SELECT status FROM comments WHERE id = $1`, [late]);
    expect(status).toBe('pending');
    const final = await http<Detail>(campaignUrl(ids[0]), 'GET', undefined, auth);
    expect(final.body.keepHiding).toBeNull();
    expect(final.body.actions.map((a) => a.summary)).toEqual([
      'keep hiding switched on (Spam or advertising)',
      'keep hiding switched off',
      'keep hiding switched on (Spam or advertising)',
      'keep hiding switched off by undoing the hide',
    ]);
    for (const body of [{}, { on: 'yes' }, { on: null }, []]) expect([body, (await keep(ids[0], body)).status]).toEqual([body, 400]);
  });
});
