import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { BacktestService } from '../rules/backtest.service.js';
import { RetriageService } from '../rules/retriage.service.js';
import { RulesAdminService } from '../rules/rules-admin.service.js';
import { ReconcilerService } from './reconciler.service.js';

/** How often the quality watch looks for hide rules to auto-demote. */
const QUALITY_WATCH_EVERY_MS = 15 * 60 * 1000;

/** Adapter from the `maintenance` queue; also keeps the reconciler's schedule in place. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.Reconcile, JobName.Backtest, JobName.Retriage, JobName.QualityWatch] as const;

  constructor(
    private readonly reconciler: ReconcilerService,
    private readonly backtests: BacktestService,
    private readonly retriage: RetriageService,
    private readonly rulesAdmin: RulesAdminService,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across worker processes: one scheduler id, upserted.
    await this.queue.upsertJobScheduler(
      JobName.Reconcile,
      { every: this.config.triage.reconcileEverySeconds * 1000 },
      { name: JobName.Reconcile, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    await this.queue.upsertJobScheduler(
      JobName.QualityWatch,
      { every: QUALITY_WATCH_EVERY_MS },
      { name: JobName.QualityWatch, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Reconcile:
        return this.reconciler.reconcile();
      case JobName.Backtest:
        return this.backtests.run((job.data as JobPayloads[typeof JobName.Backtest]).runId, (p) => job.updateProgress(p));
      case JobName.Retriage:
        return this.retriage.run((job.data as JobPayloads[typeof JobName.Retriage]).runId, (p) => job.updateProgress(p));
      case JobName.QualityWatch:
        return this.rulesAdmin.watchQuality();
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${QueueName.Maintenance}`);
    }
  }
}
