import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 17: suspend an author for a set time. Intake refuses their comments while `suspended_until` is in
 * the future (compared when they post: nothing has to run when it ends) and shows them `suspension_message`.
 */
export class AuthorSuspensions1765500100000 implements MigrationInterface {
  name = 'AuthorSuspensions1765500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE authors ADD COLUMN suspended_until timestamptz, ADD COLUMN suspension_message text, ADD COLUMN suspended_by uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE authors DROP COLUMN suspended_until, DROP COLUMN suspension_message, DROP COLUMN suspended_by`);
  }
}
