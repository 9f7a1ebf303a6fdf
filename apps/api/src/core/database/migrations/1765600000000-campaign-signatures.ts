import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: campaigns. `campaign_signatures` holds each triaged comment's near-duplicate signature (MinHash values
 * and band keys, libs/triage-engine campaign/signature.ts) with its campaign (`cluster_id`: named after its first
 * member), author, article and hashed IP, for the signature window (7 days by default; older rows are pruned by the
 * reconciler's run). A new comment's candidates are the rows sharing a band key: one GIN probe (`bands && $keys`,
 * fastupdate off so a lookup never reads a pending list). The `campaign` rule is seeded as a flag rule in shadow
 * mode: its hits are recorded on every comment's card and in backtests, and change no status until an admin
 * switches it live (a site whose readers share one network — an office, a school — should see its hits first).
 */
export class CampaignSignatures1765600000000 implements MigrationInterface {
  name = 'CampaignSignatures1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_signatures (
        comment_id uuid PRIMARY KEY REFERENCES comments(id) ON DELETE CASCADE,
        cluster_id uuid,
        article_id uuid NOT NULL,
        author_key text NOT NULL,
        author_name text NOT NULL,
        ip_hash text,
        received_at timestamptz NOT NULL,
        minhash int4[] NOT NULL,
        bands int8[] NOT NULL
      )`);
    await q.query(`CREATE INDEX campaign_signatures_bands_idx ON campaign_signatures USING gin (bands) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX campaign_signatures_cluster_idx ON campaign_signatures (cluster_id, received_at) WHERE cluster_id IS NOT NULL`);
    await q.query(`CREATE INDEX campaign_signatures_received_idx ON campaign_signatures (received_at)`);
    await q.query(`CREATE INDEX campaign_signatures_network_idx ON campaign_signatures (ip_hash, received_at) WHERE ip_hash IS NOT NULL`);
    await q.query(`
      WITH r AS (
        INSERT INTO rules (name, type, config, action, mode, severity) VALUES
          ('Campaign', 'campaign', '{"minComments": 5, "minAuthors": 3, "maxNamesPerNetwork": 4}', 'flag', 'shadow', 2)
        RETURNING *
      )
      INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity, note)
      SELECT id, version, name, type, config, action, mode, enabled, severity, 'Issue 18: campaigns (seeded)' FROM r`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rules WHERE type = 'campaign'`);
    await q.query(`DROP TABLE campaign_signatures`);
  }
}
