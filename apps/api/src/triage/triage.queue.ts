import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';

/** How long intake waits on Redis before leaving the comment to the reconciler. */
const ENQUEUE_TIMEOUT_MS = 1000;

/** The producer side of the `triage` queue. One job per comment: `jobId` = comment id, so duplicates collapse. */
@Injectable()
export class TriageQueue {
  private readonly logger = new Logger(TriageQueue.name);

  constructor(@InjectQueue(QueueName.Triage) private readonly queue: Queue) {}

  /**
   * Enqueue triage of one comment. Resolves false (never throws) when Redis is unreachable: the comment is already
   * stored, and the reconciler enqueues it once Redis is back (with `retryFailed`, retrying a job that failed for
   * good). `requestId` rides along so the worker's log lines join the request's.
   */
  async enqueue(commentId: string, opts: { requestId?: string; retryFailed?: boolean } = {}): Promise<boolean> {
    const payload: JobPayloads[typeof JobName.TriageComment] = { commentId, requestId: opts.requestId };
    const attempt = async () => {
      if (opts.retryFailed) {
        // The reconciler's path: a job that failed for good still holds its id, so `add` would be a no-op.
        const existing = await this.queue.getJob(commentId);
        if (existing && (await existing.isFailed())) {
          await existing.retry();
          return;
        }
      }
      await this.queue.add(JobName.TriageComment, payload, { jobId: commentId });
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        attempt(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
      return true;
    } catch (err) {
      this.logger.warn(`comment ${commentId} not enqueued (the reconciler will): ${(err as Error).message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
