import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { triageDuration } from '../core/metrics/metrics.js';
import { TriageService } from './triage.service.js';

/**
 * Adapter from the `triage` queue to TriageService. No SQL, no rule logic here. The worker starts taking jobs only
 * once TriageService has warmed up (connections, compiled rules, warm code).
 */
@Processor(QueueName.Triage, { autorun: false })
export class TriageProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap {
  static readonly handles = [JobName.TriageComment] as const;
  private readonly logger = new Logger(TriageProcessor.name);

  constructor(
    private readonly triage: TriageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.triage.concurrency;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const ms = await this.triage.warmUp(this.config.triage.concurrency);
      this.logger.log(`warmed up in ${ms} ms; taking triage jobs`);
    } catch (err) {
      // A warm-up is an optimisation: the jobs themselves retry what fails (Postgres still down, …).
      this.logger.warn(`warm-up failed (${(err as Error).message}); taking triage jobs anyway`);
    }
    this.worker.run().catch((err: Error) => this.logger.error(`triage worker stopped: ${err.message}`));
  }

  async process(job: Job): Promise<string> {
    switch (job.name) {
      case JobName.TriageComment: {
        const { commentId, requestId } = job.data as JobPayloads[typeof JobName.TriageComment];
        if (typeof commentId !== 'string') throw new UnrecoverableError(`job ${job.id}: payload has no commentId`);
        const stop = triageDuration.startTimer();
        const result = await this.triage.triage(commentId);
        const seconds = stop();
        this.logger.debug({ msg: 'triaged', commentId, jobId: job.id, requestId, result, ms: Math.round(seconds * 1e4) / 10 });
        return result;
      }
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${QueueName.Triage}`);
    }
  }
}
