import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { keepSchedule, type ScheduleKeeper } from '../core/queue/schedule-keeper.js';
import { BacktestService } from './backtest.service.js';
import { RetriageService } from './retriage.service.js';
import { RulesAdminService } from './rules-admin.service.js';

/** How often the quality watch looks for hide rules to auto-demote. */
const QUALITY_WATCH_EVERY_MS = 15 * 60 * 1000;

/**
 * Adapter from the `rule-jobs` queue to the rules feature's services; also keeps the quality watch's schedule in
 * Redis, re-created when Redis has lost it (ScheduleKeeper, as the reconciler's).
 */
@Processor(QueueName.RuleJobs)
export class RuleJobsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly handles = [JobName.Backtest, JobName.Retriage, JobName.QualityWatch] as const;
  private keeper: ScheduleKeeper | null = null;

  constructor(
    private readonly backtests: BacktestService,
    private readonly retriage: RetriageService,
    private readonly rulesAdmin: RulesAdminService,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across worker processes: one scheduler id, upserted.
    this.keeper = await keepSchedule(this.queue, {
      id: JobName.QualityWatch,
      every: QUALITY_WATCH_EVERY_MS,
      checkEvery: this.config.triage.reconcileEverySeconds * 1000,
      job: { name: JobName.QualityWatch, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    });
  }

  onApplicationShutdown(): void {
    this.keeper?.stop();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Backtest:
        return this.backtests.run((job.data as JobPayloads[typeof JobName.Backtest]).runId, (p) => job.updateProgress(p));
      case JobName.Retriage:
        return this.retriage.run((job.data as JobPayloads[typeof JobName.Retriage]).runId, (p) => job.updateProgress(p));
      case JobName.QualityWatch:
        return this.rulesAdmin.watchQuality();
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${QueueName.RuleJobs}`);
    }
  }
}
