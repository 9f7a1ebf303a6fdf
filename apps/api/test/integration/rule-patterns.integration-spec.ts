import type { RuleAdminRecord, RuleTestResponse } from '@sift/shared';
import { decisionCount, eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Issue 16, item 2: one admin regex stopped all triage. Real: the HTTP app, the worker consuming the real queues,
// Postgres, Redis. The probe's pattern held the worker for over 150 s (and would hold this spec's process, which
// runs the worker, as long); `(a+)+$` in the rule tester held the API for 5.8 s.
describe('admin regular expressions cannot stop triage', () => {
  const { api } = useStack({ worker: true });
  let admin: Record<string, string>;
  const ORDINARY = 'I really think the new schools plan is good and fair overall!';

  beforeEach(async () => {
    admin = await loginAs(api, 'admin');
    await putArticle(api, 'schools');
  });

  const keywordsRule = (patterns: string[]) =>
    http<RuleAdminRecord & { fields?: Record<string, string[]>; message?: string }>(
      `${api.url}/api/rules`,
      'POST',
      { name: 'Listed patterns', type: 'keywords', action: 'flag', config: { patterns } },
      admin,
    );

  it("the probe's rule saves and runs in linear time: the comment and the ones after it are decided", async () => {
    expect((await keywordsRule(['^(\\w+\\s?)+$'])).status).toBe(201);
    const first = await postComment(api, 'schools', { authorName: 'Ann', body: ORDINARY });
    const later = await postComment(api, 'schools', { authorName: 'Ben', body: 'Roads can wait a year; schools cannot.' });
    for (const c of [first, later]) await eventually(async () => (await decisionCount(api.ds, c.body.id)) === 1, 20000, `decision on ${c.body.id}`);
    const rows = await api.ds.query(`SELECT id, status FROM comments WHERE id = ANY($1)`, [[first.body.id, later.body.id]]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['approved', 'approved']);
  });

  it('the tester runs a backtracking trap at once, and gives the same reason as a save for a pattern RE2 cannot run', async () => {
    const trap = await http<RuleTestResponse>(
      `${api.url}/api/rules/test`,
      'POST',
      { comment: { body: `${'a'.repeat(26)}!` }, rules: [{ type: 'keywords', config: { patterns: ['(a+)+$'] } }] },
      admin,
    );
    expect(trap.status).toBe(200);
    expect(trap.body.results[0]).toMatchObject({ outcome: 'pass', score: 0 });

    for (const [pattern, reason] of [
      ['spam(?=!)', /^uses lookahead or lookbehind .*, which RE2 does not support \(Sift runs patterns on RE2 so that matching takes linear time\)$/],
      ['(\\w+) \\1', /^uses a backreference \(\\1, \\k<name>\), which RE2 does not support/],
      ['a{1000}', /^is too large to run quickly/],
    ] as const) {
      const saved = await keywordsRule([pattern]);
      expect(saved.status).toBe(400);
      expect(saved.body.fields?.['config.patterns.0']?.[0]).toMatch(reason);
      const tested = await http<{ fields: Record<string, string[]> }>(
        `${api.url}/api/rules/test`,
        'POST',
        { comment: { body: 'spam!' }, rules: [{ type: 'keywords', config: { patterns: [pattern] } }] },
        admin,
      );
      expect(tested.status).toBe(400);
      expect(tested.body.fields['rules.0.config.patterns.0']).toEqual(saved.body.fields?.['config.patterns.0']);
    }
    expect((await api.ds.query(`SELECT count(*)::int AS n FROM rules WHERE name = 'Listed patterns'`))[0].n).toBe(0);
  });

  it('a stored rule whose pattern can no longer run is an error outcome, never a pass: the comment waits', async () => {
    // As an install from before this change holds it: saved when any JavaScript pattern was accepted.
    await api.ds.query(
      `INSERT INTO rules (name, type, config, action, severity) VALUES ('Old lookahead', 'keywords', '{"patterns": ["buy(?= now)"], "terms": [], "minMatches": 1}', 'hide', 2)`,
    );
    const c = await postComment(api, 'schools', { authorName: 'Cy', body: 'Buy now, the schools plan is great' });
    await eventually(async () => (await decisionCount(api.ds, c.body.id)) === 1, 20000, 'decision');
    const [row] = await api.ds.query(`SELECT status FROM comments WHERE id = $1`, [c.body.id]);
    expect(row.status).toBe('pending');
    const [flag] = await api.ds.query(`SELECT outcome, evidence FROM triage_flags WHERE comment_id = $1 AND rule_name = 'Old lookahead'`, [c.body.id]);
    expect(flag.outcome).toBe('error');
    expect(flag.evidence.summary).toMatch(/^invalid config: patterns\.0: uses lookahead or lookbehind/);

    const tester = await http<RuleTestResponse>(`${api.url}/api/rules/test`, 'POST', { comment: { body: 'Buy now' } }, admin);
    expect(tester.body.results.find((r) => r.name === 'Old lookahead')).toMatchObject({ outcome: 'error' });
    expect(tester.body.status).toBe('pending');
  });
});
