import type { INestApplicationContext } from '@nestjs/common';
import { type Api, decisionCount, eventually, http, postComment, putArticle, startApi, startWorker } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { freePort, ThrowawayRedis } from '../utils/throwaway-redis.js';

// Real: Postgres; a throwaway redis-server of this spec's own on a spare port (the shared Redis is never touched),
// which is down while comments arrive. The API and the worker point at it through REDIS_URL.
describe('Redis unreachable during intake', () => {
  let redis: ThrowawayRedis;
  let api: Api;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    redis = new ThrowawayRedis(await freePort());
    process.env.REDIS_URL = redis.url; // read once, when this file's first app is built
    api = await startApi();
    await resetDatabase(api.ds);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await redis.stop();
  });

  it('accepts and stores comments (202), reports Redis down, and triages them all once Redis is back', async () => {
    await putArticle(api, 'outage');
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => postComment(api, 'outage', { authorName: `Reader ${i}`, body: `The council budget for schools and roads, point ${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(Date.now() - started).toBeLessThan(5000); // intake does not hang on Redis
    const ids = results.map((r) => r.body.id);
    const stored = await api.ds.query(`SELECT count(*)::int AS n FROM comments WHERE id = ANY($1) AND status = 'pending'`, [ids]);
    expect(stored[0].n).toBe(5);

    const health = await http<{ checks: { redis: string; postgres: string } }>(`${api.url}/health`, 'GET');
    expect(health.status).toBe(503);
    expect(health.body.checks).toEqual({ postgres: 'up', redis: 'down' });

    await redis.start();
    worker = await startWorker(); // its reconciler finds the untriaged comments after the grace period
    for (const id of ids) {
      await eventually(async () => (await decisionCount(api.ds, id)) === 1, 20000, `triage of ${id} after the outage`);
    }
    const statuses = await api.ds.query(`SELECT status FROM comments WHERE id = ANY($1)`, [ids]);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(Array(5).fill('approved'));
    await eventually(async () => (await http(`${api.url}/health`, 'GET')).status === 200, 10000, 'health back to 200');
  });
});
