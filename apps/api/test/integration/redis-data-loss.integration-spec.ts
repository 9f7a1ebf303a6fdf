import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobName, QueueName } from '../../src/core/queue/queue.constants.js';
import { TriageProcessor } from '../../src/triage/triage.processor.js';
import { type Api, decisionCount, eventually, postComment, putArticle, startApi, startWorker } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { freePort, ThrowawayRedis } from '../utils/throwaway-redis.js';

// Issue 16, item 3: after a test instance's Redis was killed and restarted empty, the reconciler's schedule was gone
// until a worker restarted, and 660 accepted comments stayed pending for 4.5 minutes (grace 60 s). Real: Postgres, a
// throwaway redis-server of this spec's own (never the shared one), the API and a worker that keeps running
// throughout; the reconciler's grace and interval are 1 s each (test/global-setup.ts).
describe('Redis losing its data does not strand comments', () => {
  let redis: ThrowawayRedis;
  let api: Api;
  let worker: INestApplicationContext;
  const BOUND_MS = 10_000; // grace (1 s) + interval (1 s), with room for a loaded machine; the probe saw 4.5 minutes

  beforeAll(async () => {
    redis = new ThrowawayRedis(await freePort());
    await redis.start();
    process.env.REDIS_URL = redis.url; // read once, when this file's first app is built
    api = await startApi();
    worker = await startWorker();
    await resetDatabase(api.ds);
    await putArticle(api, 'data-loss');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis.stop();
  });

  const post = (n: number, tag: string) =>
    Promise.all(Array.from({ length: n }, (_, i) => postComment(api, 'data-loss', { authorName: `Reader ${tag}${i}`, body: `Schools before roads, point ${tag} ${i}` })));
  const allDecided = async (ids: string[], what: string) => {
    const started = Date.now();
    for (const id of ids) await eventually(async () => (await decisionCount(api.ds, id)) === 1, BOUND_MS, `${what}: decision on ${id}`);
    return Date.now() - started;
  };
  const scheduler = (queue: QueueName, id: string) => worker.get<Queue>(getQueueToken(queue)).getJobScheduler(id);

  it('flushed mid-run: the queued jobs and both schedules are gone, and every comment is still decided', async () => {
    const triage = worker.get(TriageProcessor).worker;
    await triage.pause(); // the comments' jobs wait in Redis …
    const posted = await post(20, 'f');
    expect(posted.map((r) => r.status)).toEqual(Array(20).fill(202));
    const admin = new Redis(redis.url);
    await admin.flushall(); // … and are lost, with the reconciler's and the quality watch's schedules
    admin.disconnect();
    expect(await scheduler(QueueName.Maintenance, JobName.Reconcile)).toBeFalsy();
    triage.resume();

    const ms = await allDecided(posted.map((r) => r.body.id), 'after FLUSHALL');
    console.log(`flush: 20 comments decided ${ms} ms after the worker resumed`);
    expect(await scheduler(QueueName.Maintenance, JobName.Reconcile)).toMatchObject({ every: 1000 });
    await eventually(async () => (await scheduler(QueueName.RuleJobs, JobName.QualityWatch)) !== undefined, BOUND_MS, 'the quality watch re-created');
  });

  it('killed and restarted empty while comments arrive: the worker re-creates the schedules when it reconnects', async () => {
    await redis.stop();
    const posted = await post(10, 'k'); // stored, not queued: Redis is down
    expect(posted.map((r) => r.status)).toEqual(Array(10).fill(202));
    await redis.start(); // empty: no schedule, no job

    const ms = await allDecided(posted.map((r) => r.body.id), 'after the restart');
    console.log(`restart: 10 comments decided ${ms} ms after Redis came back`);
    expect(await scheduler(QueueName.Maintenance, JobName.Reconcile)).toMatchObject({ every: 1000 });
    expect(await scheduler(QueueName.RuleJobs, JobName.QualityWatch)).toMatchObject({ every: 15 * 60 * 1000 });
  });
});
