import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moderator's queue on a large table (docs/benchmarks.md, `npm run bench:queue`):
 * - the Flagged and Pending queues read a small partial index in priority order (no sort, no scan of the decided
 *   millions), and count from it;
 * - the rule/reason filter finds a rule type's hits without scanning every flag;
 * - Home's median time-to-decision reads only moderators' events of the last day.
 */
export class ModerationQueue1764489600000 implements MigrationInterface {
  name = 'ModerationQueue1764489600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX comments_open_queue_idx ON comments (status, priority DESC, received_at DESC, id)
        WHERE status IN ('flagged', 'pending')`,
    );
    await q.query(`CREATE INDEX triage_flags_hit_type_idx ON triage_flags (rule_type, comment_id) WHERE outcome = 'hit'`);
    await q.query(
      `CREATE INDEX moderation_events_user_decisions_idx ON moderation_events (created_at)
        WHERE actor_type = 'user' AND to_status IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS moderation_events_user_decisions_idx`);
    await q.query(`DROP INDEX IF EXISTS triage_flags_hit_type_idx`);
    await q.query(`DROP INDEX IF EXISTS comments_open_queue_idx`);
  }
}
