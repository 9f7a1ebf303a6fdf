import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentStatus, RetriageRecord, RetriageRequest } from '@sift/shared';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { TriageService } from '../triage/triage.service.js';
import { RuleJobs, type RuleJobRow } from './rule-jobs.js';

const BATCH = 200;
const DEFAULT_DAYS = 7;

interface RetriageParams {
  since: string;
}
type RetriageOutput = NonNullable<RetriageRecord['result']>;

/**
 * Re-triage after a rule change: every reader comment received since `since` that no person has acted on goes
 * through TriageService.retriage (the current rules, the same transition). Human decisions are never overturned:
 * the candidates exclude them, and TriageService checks again under the row lock.
 */
@Injectable()
export class RetriageService {
  private readonly logger = new Logger(RetriageService.name);
  private readonly jobs: RuleJobs;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
    private readonly triage: TriageService,
  ) {
    this.jobs = new RuleJobs(ds);
  }

  async enqueue(req: RetriageRequest, userId: string): Promise<RetriageRecord> {
    const since = req.since ? new Date(req.since) : new Date(Date.now() - DEFAULT_DAYS * 86_400_000);
    if (Number.isNaN(since.getTime())) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'since: not a date', fields: { since: ['not a date'] } });
    const id = await this.jobs.create('retriage', null, { since: since.toISOString() } satisfies RetriageParams, userId);
    const payload: JobPayloads[typeof JobName.Retriage] = { runId: id };
    try {
      await this.queue.add(JobName.Retriage, payload, { jobId: `retriage-${id}`, attempts: 1, removeOnComplete: true, removeOnFail: 100 });
    } catch (err) {
      await this.jobs.fail(id, `could not be queued: ${(err as Error).message}`);
    }
    return this.get(id);
  }

  async get(id: string): Promise<RetriageRecord> {
    return toRecord(await this.jobs.get<RetriageParams, RetriageOutput>(id, 'retriage'));
  }

  async cancel(id: string): Promise<RetriageRecord> {
    const row = await this.jobs.cancel<RetriageParams, RetriageOutput>(id, 'retriage');
    await this.queue.remove(`retriage-${id}`).catch(() => 0);
    return toRecord(row);
  }

  async run(runId: string, report: (progress: number) => Promise<void> | void = () => undefined): Promise<RetriageOutput | 'cancelled'> {
    if (!(await this.jobs.start(runId))) return 'cancelled';
    try {
      const { params } = await this.jobs.get<RetriageParams, RetriageOutput>(runId, 'retriage');
      const candidates: Array<{ id: string }> = await this.ds.query(
        `SELECT c.id FROM comments c
          WHERE c.received_at >= $1 AND c.author_role = 'reader'
            AND EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_id = c.id AND e.actor_type = 'user')
          ORDER BY c.received_at, c.id`,
        [params.since],
      );
      const out: RetriageOutput = { examined: 0, changed: 0, skippedHuman: 0, byStatus: {} };
      for (let i = 0; i < candidates.length; i += BATCH) {
        for (const { id } of candidates.slice(i, i + BATCH)) {
          const r = await this.triage.retriage(id);
          out.examined++;
          if (r.result === 'human') out.skippedHuman++;
          if (r.result === 'changed') out.changed++;
          if (r.status) out.byStatus[r.status as CommentStatus] = (out.byStatus[r.status as CommentStatus] ?? 0) + 1;
        }
        const progress = Math.floor((Math.min(i + BATCH, candidates.length) / candidates.length) * 99);
        await report(progress);
        if (!(await this.jobs.progress(runId, progress))) return 'cancelled';
      }
      await this.jobs.finish(runId, out);
      await report(100);
      this.logger.log(`re-triage ${runId}: ${out.examined} examined, ${out.changed} changed, ${out.skippedHuman} skipped (a person decided)`);
      return out;
    } catch (err) {
      await this.jobs.fail(runId, (err as Error).message);
      throw err;
    }
  }
}

function toRecord(r: RuleJobRow<RetriageParams, RetriageOutput>): RetriageRecord {
  return {
    id: r.id,
    status: r.status,
    progress: r.progress,
    since: r.params.since,
    result: r.result,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
