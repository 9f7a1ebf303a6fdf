import type { Queue } from 'bullmq';
import { queueJobs } from './metrics.js';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/** Refresh the queue-depth gauge from Redis (called just before a scrape is answered). Redis down: left as is. */
export async function refreshQueueGauges(queues: Queue[]): Promise<void> {
  await Promise.all(
    queues.map(async (q) => {
      const counts = await q.getJobCounts(...STATES).catch(() => null);
      if (!counts) return;
      for (const state of STATES) queueJobs.set({ queue: q.name, state }, counts[state] ?? 0);
    }),
  );
}
