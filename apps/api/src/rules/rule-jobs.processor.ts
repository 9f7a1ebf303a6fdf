import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { BacktestService } from './backtest.service.js';
import { RetriageService } from './retriage.service.js';
import { RulesAdminService } from './rules-admin.service.js';

/** How often the quality watch looks for hide rules to auto-demote. */
const QUALITY_WATCH_EVERY_MS = 15 * 60 * 1000;

/** Adapter from the `rule-jobs` queue to the rules feature's services; also keeps the quality watch's schedule. */
@Processor(QueueName.RuleJobs)
export class RuleJobsProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobName.Backtest, JobName.Retriage, JobName.QualityWatch] as const;

  constructor(
    private readonly backtests: BacktestService,
    private readonly retriage: RetriageService,
    private readonly rulesAdmin: RulesAdminService,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent across worker processes: one scheduler id, upserted.
    await this.queue.upsertJobScheduler(
      JobName.QualityWatch,
      { every: QUALITY_WATCH_EVERY_MS },
      { name: JobName.QualityWatch, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
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
