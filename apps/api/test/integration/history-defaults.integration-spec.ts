import { eventually, postComment, putArticle, useStack } from '../utils/harness.js';

// Issue 17, item 20. Real: the HTTP app, BullMQ, the worker running the seeded rules as migrated, Postgres.
describe('the default history rules', () => {
  const { api } = useStack({ worker: true });

  beforeEach(async () => {
    await putArticle(api, 'election-article', { title: 'Mayoral race tightens', body: 'Two candidates remain for mayor after the debate on housing.' });
  });

  const decided = (id: string) =>
    eventually(async () => {
      const [r] = await api.ds.query(
        `SELECT c.status, coalesce(array_agg(f.rule_type ORDER BY f.rule_type) FILTER (WHERE f.outcome = 'hit'), '{}') AS hits
           FROM comments c JOIN triage_decisions d ON d.comment_id = c.id LEFT JOIN triage_flags f ON f.comment_id = c.id
          WHERE c.id = $1 GROUP BY c.status`,
        [id],
      );
      return r as { status: string; hits: string[] } | undefined;
    }, 20000, `triage of ${id}`);
  const campaign = (n: number) => `Smith is the only honest candidate left, vote Smith on Sunday #${n}`;

  it('five near-identical comments from one author within seconds trip the repeat rule, and the fifth the flood rule', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const res = await postComment(api, 'election-article', { authorName: 'Vote Smith', body: campaign(n) });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    const results = [];
    for (const id of ids) results.push(await decided(id));
    expect(results[0]?.hits).not.toContain('repeat');
    for (const r of results.slice(1)) expect(r?.hits).toContain('repeat');
    expect(results.slice(0, 4).map((r) => r?.hits.includes('flood'))).toEqual([false, false, false, false]);
    expect(results[4]?.hits).toContain('flood');
    expect(results[4]?.status).toBe('hidden'); // the default flood rule hides
    for (const r of results.slice(1, 4)) expect(r?.status).not.toBe('approved');
  });

  it('another author saying something alike once is not a repeat', async () => {
    await decided((await postComment(api, 'election-article', { authorName: 'Vote Smith', body: campaign(1) })).body.id);
    const other = await decided((await postComment(api, 'election-article', { authorName: 'Jo Neighbour', body: campaign(2) })).body.id);
    expect(other.hits).not.toContain('repeat');
    expect(other.hits).not.toContain('flood');
  });

  it('the new defaults are a new version of the seeded rules, with a note', async () => {
    const rows = await api.ds.query(
      `SELECT r.type, r.version, r.config, v.note FROM rules r JOIN rule_versions v ON v.rule_id = r.id AND v.version = r.version
        WHERE r.type IN ('repeat', 'flood') ORDER BY r.type`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ type: 'flood', version: 2, config: expect.objectContaining({ burstMaxComments: 4, burstWindowSeconds: 10 }), note: expect.stringContaining('Issue 17') }),
      expect.objectContaining({ type: 'repeat', version: 2, config: expect.objectContaining({ minSimilarity: 0.7 }), note: expect.stringContaining('Issue 17') }),
    ]);
  });
});
