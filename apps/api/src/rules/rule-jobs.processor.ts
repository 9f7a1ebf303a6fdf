import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { keepSchedule, type ScheduleKeeper } from '../core/queue/schedule-keeper.js';
import { BacktestService } from './backtest.service.js';
import { LearnedModelsService } from './learned-models.service.js';
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
  static readonly handles = [JobName.Backtest, JobName.Retriage, JobName.QualityWatch, JobName.Retrain, JobName.NightlyRetrain] as const;
  private keepers: ScheduleKeeper[] = [];

  constructor(
    private readonly backtests: BacktestService,
    private readonly retriage: RetriageService,
    private readonly rulesAdmin: RulesAdminService,
    private readonly learned: LearnedModelsService,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across worker processes: one scheduler id, upserted.
    const checkEvery = this.config.triage.reconcileEverySeconds * 1000;
    const opts = { removeOnComplete: true, removeOnFail: 100 };
    this.keepers = [await keepSchedule(this.queue, { id: JobName.QualityWatch, every: QUALITY_WATCH_EVERY_MS, checkEvery, job: { name: JobName.QualityWatch, data: {}, opts } })];
    // The learned model's retrain, every LEARNED_RETRAIN_EVERY_HOURS (nightly by default; on demand through the API
    // too); 0 removes the schedule (a worker started with it on may have left it in Redis). At the next slot, never at
    // once: a deploy or a Redis that lost its data is no reason to retrain.
    const retrainEvery = this.config.learned.retrainEveryHours * 3600 * 1000;
    if (retrainEvery > 0) {
      this.keepers.push(
        await keepSchedule(this.queue, { id: JobName.NightlyRetrain, every: retrainEvery, checkEvery, startAtNextSlot: true, job: { name: JobName.NightlyRetrain, data: {}, opts } }),
      );
    } else await this.queue.removeJobScheduler(JobName.NightlyRetrain);
  }

  onApplicationShutdown(): void {
    for (const k of this.keepers) k.stop();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.Backtest:
        return this.backtests.run((job.data as JobPayloads[typeof JobName.Backtest]).runId, (p) => job.updateProgress(p));
      case JobName.Retriage:
        return this.retriage.run((job.data as JobPayloads[typeof JobName.Retriage]).runId, (p) => job.updateProgress(p));
      case JobName.QualityWatch:
        return this.rulesAdmin.watchQuality();
      case JobName.Retrain:
        return this.learned.run((job.data as JobPayloads[typeof JobName.Retrain]).modelId, (p) => job.updateProgress(p));
      case JobName.NightlyRetrain:
        return this.learned.nightly((p) => job.updateProgress(p));
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${QueueName.RuleJobs}`);
    }
  }
}
