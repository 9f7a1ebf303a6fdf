import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, item 4: the site's learned insult model versions. A retrain (rules/learned-models.service.ts) inserts a
 * row (training), stores the artifact with its CV metrics and learning curve, and leaves it in shadow; an admin
 * promotes it (at most one promoted per task) or rolls back. Workers read the promoted version with every comment's
 * rule-set fingerprint and load its artifact when it changes.
 */
export class LearnedModels1765300000000 implements MigrationInterface {
  name = 'LearnedModels1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learned_models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer GENERATED ALWAYS AS IDENTITY UNIQUE,
        task text NOT NULL DEFAULT 'insult' CHECK (task IN ('insult')),
        status text NOT NULL DEFAULT 'training' CHECK (status IN ('training', 'shadow', 'promoted', 'retired', 'failed', 'no_model')),
        progress integer NOT NULL DEFAULT 0,
        trigger text NOT NULL CHECK (trigger IN ('manual', 'nightly')),
        labels integer,
        positives integer,
        threshold double precision,
        metrics jsonb,
        curve jsonb NOT NULL DEFAULT '[]',
        fingerprint text,
        artifact jsonb,
        error text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        promoted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX learned_models_one_promoted ON learned_models (task) WHERE status = 'promoted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE learned_models`);
  }
}
