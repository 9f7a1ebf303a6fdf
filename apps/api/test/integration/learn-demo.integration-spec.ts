import type { LearnedModelRecord } from '@sift/shared';
import { compileRule, decodeModel, inventedThread, metrics, rocAuc, scoreWith } from '@sift/triage-engine';
import { randomUUID } from 'node:crypto';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Issue 15, item 8: `npm run demo:learn` in small, through the real product. Real: the HTTP app (intake, the
// moderation API, the learned-models API), the worker consuming the real triage and rule-jobs queues (the retrain
// job), Postgres, Redis. Labels: 300 invented comments (learned/invented-corpus.ts `inventedThread`: insults with
// words the lexicon knows and with made-up names, civil remarks that use those words about things), never dataset
// text. 200 are posted and decided by a moderator; 100 are held out and posted at day 0 and again once the learned
// model is promoted.
describe('learning from decisions through the product (issue 15, item 8)', () => {
  const { api } = useStack({ worker: true });

  /** Post rows through intake, one reader each; wait until the worker triaged them; answers ids and insult flags. */
  async function postAndTriage(article: string, bodies: readonly string[]): Promise<Array<{ id: string; flagged: boolean }>> {
    await putArticle(api, article);
    const ids: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const res = await postComment(api, article, { authorName: `Reader ${article} ${i}`, body }, { 'idempotency-key': randomUUID() });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await eventually(async () => {
      const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM triage_decisions WHERE comment_id = ANY($1::uuid[])`, [ids]);
      return n === ids.length;
    }, 60000, `triage of ${article}`);
    const hits: Array<{ comment_id: string }> = await api.ds.query(
      `SELECT comment_id FROM triage_flags WHERE rule_type = 'insult' AND outcome = 'hit' AND comment_id = ANY($1::uuid[])`,
      [ids],
    );
    const flagged = new Set(hits.map((h) => h.comment_id));
    return ids.map((id) => ({ id, flagged: flagged.has(id) }));
  }

  const f1 = (flags: readonly boolean[], labels: readonly boolean[]) => metrics(flags.map(Number), flags, labels).f1;

  it('a moderator decides 200 posted comments, the retrain job learns them, and the promoted model beats day 0 on the 100 held out', async () => {
    const admin = await loginAs(api, 'admin');
    const mod = await loginAs(api, 'moderator');
    // Every comment waits for a moderator (else a comment no rule flags is approved by the worker, and approving it
    // again is no decision).
    expect((await http(`${api.url}/api/settings`, 'PUT', { autoApprove: false }, admin)).status).toBe(200);
    const rows = inventedThread(300, 5);
    const decided = rows.slice(0, 200);
    const held = rows.slice(200);
    const heldLabels = held.map((r) => r.label);

    const day0 = await postAndTriage('learn-day0', held.map((r) => r.body));

    const posted = await postAndTriage('learn-decisions', decided.map((r) => r.body));
    for (const [i, { id }] of posted.entries()) {
      const cur = await http<{ version: number }>(`${api.url}/api/moderation/comments/${id}`, 'GET', undefined, mod);
      const res = await http(
        `${api.url}/api/moderation/comments/${id}/decision`,
        'POST',
        decided[i].label ? { action: 'hide', version: cur.body.version, reason: 'Personal attack' } : { action: 'approve', version: cur.body.version },
        mod,
      );
      expect(res.status).toBe(200);
    }

    const started = await http<LearnedModelRecord>(`${api.url}/api/learned-models/retrain`, 'POST', {}, admin);
    expect(started.status).toBe(202);
    const trained = await eventually(async () => {
      const m = (await http<LearnedModelRecord>(`${api.url}/api/learned-models/${started.body.id}`, 'GET', undefined, admin)).body;
      return m.status === 'training' ? undefined : m;
    }, 60000, 'the retrain');
    expect(trained).toMatchObject({ status: 'shadow', labels: 200, positives: decided.filter((r) => r.label).length });
    expect((await http(`${api.url}/api/learned-models/${trained.id}/promote`, 'POST', {}, admin)).status).toBe(200);

    const learned = await postAndTriage('learn-promoted', held.map((r) => r.body));

    // The worker's flags on the held-out comments: F1 at day 0 vs with the promoted model.
    const day0F1 = f1(day0.map((c) => c.flagged), heldLabels);
    const learnedF1 = f1(learned.map((c) => c.flagged), heldLabels);
    expect(day0F1).toBeGreaterThan(0.3); // the lexicon knows half the insults: day 0 is not blind
    expect(learnedF1).toBeGreaterThan(day0F1);
    // Every made-up-name insult held out is flagged now; no civil remark is.
    held.forEach((r, i) => {
      if (r.kind === 'made-up insult') expect([r.body, learned[i].flagged]).toEqual([r.body, true]);
      if (!r.label) expect([r.body, learned[i].flagged]).toEqual([r.body, false]);
    });

    // AUC of the same held-out rows: the lexicon's score vs the stored artifact's (the engine the worker runs).
    const [{ artifact }] = await api.ds.query(`SELECT artifact FROM learned_models WHERE id = $1`, [trained.id]);
    const lexicon = compileRule({ id: 'insult', name: 'insult', type: 'insult', version: 1, action: 'flag', mode: 'live', severity: 1, config: {} }).evaluate!;
    const withLexicon = held.map((r) => ({
      ...r,
      lexicon: lexicon({ comment: { title: null, body: r.body, authorName: '', authorId: null, receivedAt: new Date(0) }, article: null, parent: null }).score,
    }));
    const day0Auc = rocAuc(withLexicon.map((r) => r.lexicon), heldLabels);
    expect(rocAuc(scoreWith(decodeModel(artifact), withLexicon), heldLabels)).toBeGreaterThan(day0Auc);
  });
});
