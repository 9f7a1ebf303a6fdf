import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, QueueName } from '../core/queue/queue.constants.js';
import { keepSchedule, type ScheduleKeeper } from '../core/queue/schedule-keeper.js';
import { ReconcilerService } from './reconciler.service.js';

/**
 * Adapter from the `maintenance` queue to the reconciler; also keeps the reconciler's schedule in Redis, re-created
 * when Redis has lost it (ScheduleKeeper).
 */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly handles = [JobName.Reconcile] as const;
  private keeper: ScheduleKeeper | null = null;

  constructor(
    private readonly reconciler: ReconcilerService,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across worker processes: one scheduler id, upserted.
    this.keeper = await keepSchedule(this.queue, {
      id: JobName.Reconcile,
      every: this.config.triage.reconcileEverySeconds * 1000,
      checkEvery: this.config.triage.reconcileEverySeconds * 1000,
      job: { name: JobName.Reconcile, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    });
  }

  onApplicationShutdown(): void {
    this.keeper?.stop();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Reconcile:
        return this.reconciler.reconcile();
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${QueueName.Maintenance}`);
    }
  }
}
