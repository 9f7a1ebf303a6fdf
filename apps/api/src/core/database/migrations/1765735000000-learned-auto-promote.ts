import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, item 4 (the rest): the admin setting that lets a retrain promote its version by itself (off by default;
 * only when the version's cross-validated AUC is above the promoted one's and its precision is not below), and who
 * promoted each version and why (a person, or the retrain with the comparison: the audit of an automatic
 * promotion); how many weak negatives a version was trained with beside the decisions.
 */
export class LearnedAutoPromote1765735000000 implements MigrationInterface {
  name = 'LearnedAutoPromote1765735000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE site_settings ADD COLUMN learned_auto_promote boolean NOT NULL DEFAULT false`);
    await q.query(`
      ALTER TABLE learned_models
        ADD COLUMN weak_negatives integer,
        ADD COLUMN promoted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN promotion_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learned_models DROP COLUMN weak_negatives, DROP COLUMN promoted_by, DROP COLUMN promotion_note`);
    await q.query(`ALTER TABLE site_settings DROP COLUMN learned_auto_promote`);
  }
}
