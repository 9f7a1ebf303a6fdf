import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseUrl, PG_ADMIN_URL, PUBLISHER_KEY, REDIS_BASE_URL } from './utils/test-env';

/**
 * Real: the machine's Postgres and Redis. This run gets its own database (created here, migrated once by
 * migrate-once.ts, dropped in global-teardown) and its own Redis key prefix, so runs can share the services.
 * (Global setup is loaded without jest's module mapping, so it imports nothing from src.)
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbName = `sift_it_${runId}`;
  const admin = await new DataSource({ type: 'postgres', url: PG_ADMIN_URL }).initialize();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.destroy();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: REDIS_BASE_URL,
    REDIS_PREFIX: `sift-it-${runId}`,
    PUBLISHER_API_KEYS: PUBLISHER_KEY,
    // Signed author tokens of the publisher "test" (utils/harness.ts authorToken).
    AUTHOR_TOKEN_SECRETS: `test:${randomBytes(24).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    RECONCILE_GRACE_SECONDS: '1',
    RECONCILE_EVERY_SECONDS: '1',
    LOG_LEVEL: 'warn',
    // Specs post many comments from one IP and name; reader-rate-limit proves the limit with low values of its own.
    RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_PER_AUTHOR: '100000',
    // Every spec signs in from 127.0.0.1 (the fuzz spec with many bad passwords); login-throttle proves the limits.
    LOGIN_FREE_FAILURES_PER_NETWORK: '1000000',
    REPORT_LIMIT_PER_READER: '100000',
    TEST_DB_NAME: dbName,
  });
}
