import type { DataSource } from 'typeorm';

/** Back to the migrated state: no articles, comments, users or audit rows; rules and settings as seeded. */
export async function resetDatabase(ds: DataSource): Promise<void> {
  await ds.query(
    `TRUNCATE articles, comments, triage_decisions, triage_flags, moderation_events, users, rules, rule_versions, site_settings CASCADE`,
  );
  for (const t of ['rules', 'rule_versions', 'site_settings']) await ds.query(`INSERT INTO ${t} SELECT * FROM seed_${t}`);
}
