import type { DataSource } from 'typeorm';

/**
 * Back to the migrated state: no articles, comments, users or audit rows; rules and settings as seeded.
 * Retries when a worker transaction of the previous test is still finishing (TRUNCATE then deadlocks).
 */
export async function resetDatabase(ds: DataSource): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ds.transaction(async (m) => {
        await m.query(
          `TRUNCATE articles, comments, triage_decisions, triage_flags, moderation_events, users, authors, rules, rule_versions, site_settings, learned_models, campaign_actions, campaign_keep_hiding CASCADE`,
        );
        for (const t of ['rules', 'rule_versions', 'site_settings']) await m.query(`INSERT INTO ${t} SELECT * FROM seed_${t}`);
      });
      return;
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code !== '40P01' || attempt >= 5) throw err;
    }
  }
}
