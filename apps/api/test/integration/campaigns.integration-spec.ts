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
});
