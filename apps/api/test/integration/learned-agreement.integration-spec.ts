import type { LearnedModelAgreement, LearnedModelRecord } from '@sift/shared';
import { inventedDecisions } from '@sift/triage-engine';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, the worker consuming the real rule-jobs and triage queues, Postgres, Redis. Labels: invented
// comments (learned/invented-corpus.ts: made-up names no lexicon knows), never dataset text.
describe('learned models: top n-grams and shadow agreement before promotion (issue 15, items 4 and 9)', () => {
  const { api } = useStack({ worker: true });

  /** Decided comments straight into the tables, received a month ago (outside the agreement's 7-day window). */
  async function decidedLongAgo(n: number, seed: number): Promise<void> {
    await putArticle(api, 'la-old');
    const [{ id: articleId }] = await api.ds.query(`SELECT id FROM articles WHERE external_id = 'la-old'`);
    for (const [i, r] of inventedDecisions(n, seed).entries()) {
      const status = r.label ? 'hidden' : 'approved';
      const [c] = await api.ds.query(
        `INSERT INTO comments (article_id, author_name, author_key, body, status, version, decided_at, received_at)
         VALUES ($1, 'R', 'name:r', $2, $3, 2, now() - interval '29 days', now() - interval '30 days' + make_interval(secs => $4)) RETURNING id`,
        [articleId, r.body, status, i],
      );
      await api.ds.query(`INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, reason) VALUES ($1, 'flagged', $2, 'user', $3)`, [
        c.id,
        status,
        status === 'hidden' ? 'Personal attack' : null,
      ]);
    }
  }

  /** A comment through intake, decided by the worker. */
  async function posted(body: string): Promise<string> {
    const res = await postComment(api, 'la-new', { body });
    expect(res.status).toBe(202);
    await eventually(async () => (await api.ds.query(`SELECT 1 FROM triage_decisions WHERE comment_id = $1`, [res.body.id])).length > 0, 15000, `triage of "${body}"`);
    return res.body.id;
  }

  async function trained(admin: Record<string, string>): Promise<LearnedModelRecord> {
    const started = await http<LearnedModelRecord>(`${api.url}/api/learned-models/retrain`, 'POST', {}, admin);
    expect(started.status).toBe(202);
    return eventually(async () => {
      const m = (await http<LearnedModelRecord>(`${api.url}/api/learned-models/${started.body.id}`, 'GET', undefined, admin)).body;
      return m.status === 'training' ? undefined : m;
    }, 60000, 'the retrain');
  }

  it('a shadow version stores its strongest n-grams as text and says what it would flag more and fewer than the live decision', async () => {
    const admin = await loginAs(api, 'admin');
    const mod = await loginAs(api, 'moderator');
    await decidedLongAgo(240, 21);
    await putArticle(api, 'la-new');
    // Recent comments: made-up name-calling the lexicon does not know (the model learned it), an insult the lexicon
    // knows (the model, taught only made-up names, leans on its own margin and lets it through), and civil remarks.
    const invented = [await posted('seriously, you glorbnik as usual'), await posted('typical, you dimwhistle go away')];
    const known = await posted('You are a pathetic idiot, Gerald.');
    const civil = [await posted('I think the bus route deserves a second look'), await posted('thanks for the report on the bridge')];

    const v1 = await trained(admin);
    expect(v1).toMatchObject({ status: 'shadow', labels: 240 });
    const names = ['glorbnik', 'snarfwit', 'blunderkopf', 'muckle', 'dimwhistle'];
    const ngrams = v1.metrics!.ngrams!;
    expect(names.some((n) => ngrams.positive[0].text.includes(n))).toBe(true);
    expect(ngrams.negative.length).toBeGreaterThan(0);
    expect(ngrams.negative.some((g) => names.some((n) => g.text.includes(n)))).toBe(false);

    // Moderators may read it; day 0 is live (no version promoted).
    const res = await http<LearnedModelAgreement>(`${api.url}/api/learned-models/${v1.id}/agreement`, 'GET', undefined, mod);
    expect(res.status).toBe(200);
    const a = res.body;
    expect(a).toMatchObject({ modelId: v1.id, version: v1.version, liveVersion: null, days: 7, limit: 2000, comments: 5 });
    expect(a.moreFlagged.count).toBe(2);
    expect(a.moreFlagged.examples.map((e) => e.id).sort()).toEqual([...invented].sort());
    expect(a.moreFlagged.examples.every((e) => e.candidateScore >= v1.threshold! && e.liveScore < e.candidateScore)).toBe(true);
    expect(a.fewerFlagged).toMatchObject({ count: 1, examples: [{ id: known }] });
    expect(a.fewerFlagged.examples[0].liveScore).toBeGreaterThan(a.fewerFlagged.examples[0].candidateScore);
    expect([a.bothFlag, a.neitherFlags, a.agreement]).toEqual([0, 2, 0.4]);
    expect([...a.moreFlagged.examples, ...a.fewerFlagged.examples].some((e) => civil.includes(e.id))).toBe(false);
    // A narrower window: the most recent comment only (a civil one).
    expect((await http<LearnedModelAgreement>(`${api.url}/api/learned-models/${v1.id}/agreement?limit=1`, 'GET', undefined, mod)).body).toMatchObject({ comments: 1, moreFlagged: { count: 0 } });

    // Promoted, it is the live decision: beside itself it agrees everywhere.
    expect((await http(`${api.url}/api/learned-models/${v1.id}/promote`, 'POST', {}, admin)).status).toBe(200);
    const self = (await http<LearnedModelAgreement>(`${api.url}/api/learned-models/${v1.id}/agreement`, 'GET', undefined, admin)).body;
    expect(self).toMatchObject({ liveVersion: v1.version, agreement: 1, moreFlagged: { count: 0 }, fewerFlagged: { count: 0 } });
  });

  it('refuses bad input with a 4xx naming it', async () => {
    const admin = await loginAs(api, 'admin');
    const get = (path: string) => http<{ message: unknown }>(`${api.url}/api/learned-models/${path}`, 'GET', undefined, admin);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const q of ['days=0', 'days=91', 'days=abc', 'limit=0', 'limit=10001', 'limit=1.5', 'other=1']) {
      const r = await get(`${missing}/agreement?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
    }
    expect((await get('not-a-uuid/agreement')).status).toBe(400);
    expect((await get(`${missing}/agreement`)).status).toBe(404);
    const few = await trained(admin);
    expect(few.status).toBe('no_model');
    const r = await get(`${few.id}/agreement`);
    expect(r.status).toBe(409);
    expect(String(r.body.message)).toMatch(/no_model: it has no model to compare/);
  });
});
