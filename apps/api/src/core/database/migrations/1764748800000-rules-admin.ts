import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules administration (docs/rules.md): backtest and re-triage runs (`rule_jobs`), a note and the auto-demote switch
 * on rules and their versions, the quality-watch levels and a version on site settings (kept in
 * `site_settings_versions`), and the indexes the backtest and quality queries read.
 */
export class RulesAdmin1764748800000 implements MigrationInterface {
  name = 'RulesAdmin1764748800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rules ADD COLUMN auto_demote boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE rule_versions ADD COLUMN auto_demote boolean NOT NULL DEFAULT false, ADD COLUMN note text`);
    await q.query(`
      ALTER TABLE site_settings
        ADD COLUMN override_warn_rate real NOT NULL DEFAULT 0.5 CHECK (override_warn_rate > 0 AND override_warn_rate <= 1),
        ADD COLUMN override_min_decided integer NOT NULL DEFAULT 10 CHECK (override_min_decided >= 1),
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE site_settings_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        settings_id integer NOT NULL REFERENCES site_settings(id) ON DELETE CASCADE,
        version integer NOT NULL,
        settings jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (settings_id, version)
      )`);
    await q.query(`
      CREATE TABLE rule_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('backtest', 'retriage')),
        rule_id uuid REFERENCES rules(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        progress integer NOT NULL DEFAULT 0,
        params jsonb NOT NULL,
        result jsonb,
        error text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX rule_jobs_rule_idx ON rule_jobs (rule_id, created_at DESC)`);
    // The backtest's "last N comments a moderator decided" and the re-triage's candidates.
    await q.query(`CREATE INDEX comments_decided_idx ON comments (decided_at DESC) WHERE status IN ('approved', 'hidden')`);
    // Quality: a rule's hits over time (flags carry no time; their decision does).
    await q.query(`CREATE INDEX triage_decisions_created_idx ON triage_decisions (created_at)`);
    await q.query(`CREATE INDEX triage_flags_rule_decision_idx ON triage_flags (rule_id, decision_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS triage_flags_rule_decision_idx`);
    await q.query(`DROP INDEX IF EXISTS triage_decisions_created_idx`);
    await q.query(`DROP INDEX IF EXISTS comments_decided_idx`);
    await q.query(`DROP TABLE IF EXISTS rule_jobs`);
    await q.query(`DROP TABLE IF EXISTS site_settings_versions`);
    await q.query(`ALTER TABLE site_settings DROP COLUMN version, DROP COLUMN override_min_decided, DROP COLUMN override_warn_rate`);
    await q.query(`ALTER TABLE rule_versions DROP COLUMN note, DROP COLUMN auto_demote`);
    await q.query(`ALTER TABLE rules DROP COLUMN auto_demote`);
  }
}
