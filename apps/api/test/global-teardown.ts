import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { PG_ADMIN_URL, REDIS_BASE_URL } from './utils/test-env';

export default async function globalTeardown(): Promise<void> {
  const dbName = process.env.TEST_DB_NAME;
  if (dbName) {
    const admin = await new DataSource({ type: 'postgres', url: PG_ADMIN_URL }).initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.destroy();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix) await deleteRedisKeys(REDIS_BASE_URL, `${prefix}:*`);
}

export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
