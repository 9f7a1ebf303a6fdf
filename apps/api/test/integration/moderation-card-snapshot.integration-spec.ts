import type { ModerationCommentDetail } from '@sift/shared';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app and Postgres. The card is read in several statements; a status change committing between
// them (the worker's triage, a colleague) must not give a card whose status disagrees with its own audit trail.
// Red before: the card said `pending` while its audit trail already had the rules' `pending → approved` (the
// campaigns browser spec's flake on main).
describe('the moderation card is one snapshot', () => {
  const { api } = useStack();

  it('a decision committing while the card is being read shows in both the status and the audit trail, or in neither', async () => {
    const mod = await loginAs(api, 'moderator');
    await putArticle(api, 'snapshot');
    const posted = await postComment(api, 'snapshot', { body: 'The new ferry timetable suits early commuters well.' });
    expect(posted.status).toBe(202);
    const id = posted.body.id;

    // A triage-like decision in a transaction that also holds the flags table: the card's first statement (the
    // comment) reads the committed `pending`, then its flags read waits here until the decision commits.
    const runner = api.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`LOCK TABLE triage_flags IN ACCESS EXCLUSIVE MODE`);
      await runner.query(`UPDATE comments SET status = 'approved', version = version + 1, decided_at = now() WHERE id = $1`, [id]);
      await runner.query(
        `INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, reason) VALUES ($1, 'pending', 'approved', 'rule', 'no rule fired')`,
        [id],
      );
      const card = http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${id}`, 'GET', undefined, mod);
      await eventually(async () => {
        const [w] = await api.ds.query(
          `SELECT 1 AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'triage_flags' AND NOT l.granted`,
        );
        return w !== undefined;
      }, 10000, 'the card read to wait on the flags');
      await runner.commitTransaction();

      const res = await card;
      expect(res.status).toBe(200);
      // The status is the one the latest audit event (and status event) moved it to.
      const lastTo = (events: Array<{ toStatus: string | null }>) => events.filter((e) => e.toStatus !== null).at(-1)?.toStatus;
      expect([res.body.status, res.body.status]).toEqual([lastTo(res.body.audit), lastTo(res.body.events)]);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    // Read again, it shows the decision everywhere.
    const after = await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${id}`, 'GET', undefined, mod);
    expect([after.body.status, after.body.audit.at(-1)?.toStatus]).toEqual(['approved', 'approved']);
  });
});
