import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { getConfig } from './core/config/config.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { dataSourceOptions } from './data-source.js';

/** `node dist/apps/api/migrate.js`: apply pending migrations (creating the database first if it is missing). */
async function migrate(): Promise<void> {
  const config = getConfig();
  await ensureDatabase(config.database.url);
  const ds = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  } finally {
    await ds.destroy();
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = await new DataSource({ type: 'postgres', url: admin.toString() }).initialize();
  try {
    const rows = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await ds.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await ds.destroy();
  }
}

migrate().catch(exitOnConfigError);
