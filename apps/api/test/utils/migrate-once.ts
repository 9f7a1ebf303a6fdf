import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/config.js';
import { dataSourceOptions } from '../../src/data-source.js';

/**
 * Runs before each spec file (setupFilesAfterEnv): applies the migrations to this run's database the first time
 * (later files find nothing to do) and keeps a copy of what they seeded, for utils/reset-database.ts.
 */
beforeAll(async () => {
  const ds = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  try {
    await ds.query(`SELECT pg_advisory_lock(4242)`);
    await ds.runMigrations({ transaction: 'each' });
    for (const t of ['rules', 'rule_versions', 'site_settings']) {
      await ds.query(`CREATE TABLE IF NOT EXISTS seed_${t} AS SELECT * FROM ${t}`);
    }
  } finally {
    await ds.destroy();
  }
});
