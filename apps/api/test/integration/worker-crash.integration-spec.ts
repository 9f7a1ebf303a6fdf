import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.constants.js';
import { type Api, eventually, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { exited, spawnWorker } from '../utils/processes.js';

// Real: the API in this process; the worker as separate OS processes (src/worker.ts) on the real queue, Postgres
// and Redis. A worker is killed with SIGKILL mid-stream, another is stopped with SIGTERM.
describe('worker faults', () => {
  let api: Api;
  let queue: Queue;
  const workers: Array<ReturnType<typeof spawnWorker>> = [];

  beforeAll(async () => {
    api = await startApi();
    queue = api.app.get<Queue>(getQueueToken(QueueName.Triage));
    await resetDatabase(api.ds);
    await putArticle(api, 'crash');
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await api.close();
  });

  const post = async (n: number, tag: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, n - i) }, (_, k) =>
          postComment(api, 'crash', { authorName: `Reader ${tag}${i + k}`, body: `The council budget for schools and roads, view ${tag}-${i + k}` }),
        ),
      );
      ids.push(...batch.map((r) => r.body.id));
    }
    return ids;
  };
  const decided = async (ids: string[]) =>
    (await api.ds.query(`SELECT count(*)::int AS n FROM triage_decisions WHERE comment_id = ANY($1)`, [ids]))[0].n as number;
  const startWorker = () => {
    const w = spawnWorker({ TRIAGE_CONCURRENCY: '4' });
    workers.push(w);
    return w;
  };

  it('SIGKILL mid-job: after a restart every comment has exactly one decision and one rule transition', async () => {
    const ids = await post(150, 'k');
    const first = startWorker();
    await eventually(async () => (await decided(ids)) >= 20, 60000, 'the first worker to get going');
    first.kill('SIGKILL');
    expect((await exited(first)).signal).toBe('SIGKILL');

    startWorker(); // picks up the waiting jobs; the killed worker's active jobs come back once their lock expires
    // BullMQ returns a dead worker's jobs once their lock expires and the stalled check runs (up to ~60 s, more under load).
    // A killed job may have written its decision before it could be marked completed: it stays "active" until then and
    // is run again, which must write nothing new (checked below). So wait for the queue itself to be empty too.
    await eventually(
      async () => {
        const n = await queue.getJobCounts('active', 'waiting', 'delayed');
        return (await decided(ids)) === ids.length && n.active + n.waiting + n.delayed === 0;
      },
      170000,
      'every comment decided after the restart, and no job of the killed worker left active',
    );
    const perComment = await api.ds.query(
      `SELECT c.id, c.status,
              (SELECT count(*)::int FROM triage_decisions d WHERE d.comment_id = c.id) AS decisions,
              (SELECT count(*)::int FROM moderation_events e WHERE e.comment_id = c.id AND e.actor_type = 'rule') AS transitions
         FROM comments c WHERE c.id = ANY($1)`,
      [ids],
    );
    expect(perComment).toHaveLength(150);
    for (const c of perComment) {
      expect([c.decisions, c.transitions]).toEqual([1, 1]);
      expect(c.status).not.toBe('pending');
    }
  }, 240000);

  it('SIGTERM: the worker finishes its in-flight jobs and exits cleanly, leaving none active', async () => {
    const current = workers[workers.length - 1];
    const ids = await post(100, 't');
    await eventually(async () => (await decided(ids)) >= 5, 30000, 'work in flight');
    current.kill('SIGTERM');
    // Nest runs the shutdown hooks (BullMQ's worker.close() waits for active jobs), then re-raises the signal.
    const { code, signal } = await exited(current);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(current.output()).not.toMatch(/error/i);
    expect((await queue.getJobCounts('active')).active).toBe(0);

    startWorker();
    await eventually(async () => (await decided(ids)) === ids.length, 60000, 'the rest decided by the next worker');
    const dup = await api.ds.query(`SELECT comment_id FROM triage_decisions WHERE comment_id = ANY($1) GROUP BY comment_id HAVING count(*) > 1`, [ids]);
    expect(dup).toEqual([]);
  }, 120000);
});
