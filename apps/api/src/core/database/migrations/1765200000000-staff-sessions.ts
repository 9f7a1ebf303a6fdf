import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sign-in sessions (docs/operations.md, "Security: sessions"). A login opens one; every access token names it
 * (`sid`), so logging out or a refresh token used twice ends it and its access tokens stop at once. The refresh
 * token that renews it is kept only as a SHA-256 hash: the current one, and the one it replaced (accepted for a few
 * seconds after a rotation, for two tabs refreshing at the same time). The site's idle limit is a site setting.
 */
export class StaffSessions1765200000000 implements MigrationInterface {
  name = 'StaffSessions1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        refresh_hash text NOT NULL,
        previous_hash text,
        rotated_at timestamptz NOT NULL DEFAULT now(),
        last_active_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id)`);
    await q.query(`ALTER TABLE site_settings ADD COLUMN session_idle_minutes integer NOT NULL DEFAULT 60`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE site_settings DROP COLUMN IF EXISTS session_idle_minutes`);
    await q.query(`DROP TABLE IF EXISTS staff_sessions`);
  }
}
