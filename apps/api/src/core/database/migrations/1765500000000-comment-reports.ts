import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 16: readers report published comments. One row per reader and comment (a reader reports a comment
 * once); open while `resolved_at` is null. The moderator's next decision on the comment resolves every open report
 * (moderation.service.ts): kept (approved again) or hidden.
 */
export class CommentReports1765500000000 implements MigrationInterface {
  name = 'CommentReports1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        reporter_key text NOT NULL,
        reason text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolution text CHECK (resolution IN ('kept', 'hidden')),
        CONSTRAINT comment_reports_once UNIQUE (comment_id, reporter_key)
      )`);
    await q.query(`CREATE INDEX comment_reports_open_idx ON comment_reports (comment_id) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comment_reports`);
  }
}
