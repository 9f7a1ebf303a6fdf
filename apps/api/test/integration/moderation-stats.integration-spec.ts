import type { HomeStats, QueueCounts } from '@sift/shared';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, the worker, Postgres. Home's numbers come from the comments and the audit trail.
describe('queue counts and home stats', () => {
  const { api } = useStack({ worker: true });
  let mod: Record<string, string>;

  beforeEach(async () => {
    await putArticle(api, 'stats-article');
    mod = await loginAs(api, 'moderator');
  });

  it('counts per queue, comments per hour for 24 hours, and the median time to a moderator decision', async () => {
    const ids: string[] = [];
    for (const body of ['Fine words about the budget.', 'More fine words about roads.', 'Spam https://a.example/1 https://b.example/2 www.c.example.com']) {
      ids.push((await postComment(api, 'stats-article', { body })).body.id);
    }
    await eventually(async () => (await api.ds.query(`SELECT count(*)::int AS n FROM comments WHERE status = 'pending'`))[0].n === 0, 15000, 'triage');
    // Pretend the flagged one arrived 120 s ago, then decide it now: a decision time of about 120 s.
    await api.ds.query(`UPDATE comments SET received_at = now() - interval '120 seconds' WHERE id = $1`, [ids[2]]);
    expect((await http(`${api.url}/api/moderation/comments/${ids[2]}/decision`, 'POST', { action: 'hide', version: 2 }, mod)).status).toBe(200);

    const counts = await http<QueueCounts>(`${api.url}/api/moderation/comments/counts`, 'GET', undefined, mod);
    expect(counts.body).toEqual({ flagged: 0, pending: 0, reported: 0, approved: 2, hidden: 1, all: 3 });

    const res = await http<HomeStats>(`${api.url}/api/stats/home`, 'GET', undefined, mod);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual(counts.body);
    expect(res.body.perHour).toHaveLength(24);
    expect(res.body.perHour.reduce((n, h) => n + h.received, 0)).toBe(3);
    expect(res.body.perHour.reduce((n, h) => n + h.flagged, 0)).toBe(1);
    expect(res.body.perHour.reduce((n, h) => n + h.decided, 0)).toBe(1);
    expect(res.body.decisions24h).toBe(1);
    expect(res.body.medianDecisionSeconds).toBeGreaterThanOrEqual(119);
    expect(res.body.medianDecisionSeconds).toBeLessThan(200);
    expect(new Date(res.body.perHour[23].hour).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
