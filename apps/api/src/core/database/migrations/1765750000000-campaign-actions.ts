import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, item 4's last actions. `campaign_actions` is the audit of what was done to a campaign as a whole beyond
 * its members' statuses (those are audited per comment in `moderation_events`): its authors suspended (`details`:
 * hours, message, the end, and each author's suspension before, for the undo), that suspension undone, "keep hiding"
 * switched on or off. `campaign_keep_hiding` holds the campaigns being kept hidden (one row each, read by the worker
 * by primary key when a new comment joins a campaign): a new member is hidden by the rules with the hide's reason.
 */
export class CampaignActions1765750000000 implements MigrationInterface {
  name = 'CampaignActions1765750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('suspend', 'suspend-undo', 'keep-hiding-on', 'keep-hiding-off')),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX campaign_actions_campaign_idx ON campaign_actions (campaign_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE campaign_keep_hiding (
        campaign_id uuid PRIMARY KEY,
        reason text,
        set_by uuid REFERENCES users(id) ON DELETE SET NULL,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_keep_hiding`);
    await q.query(`DROP TABLE campaign_actions`);
  }
}
