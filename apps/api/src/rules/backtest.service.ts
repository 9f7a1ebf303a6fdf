import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BacktestExample, type BacktestRecord, type BacktestRequest, type BacktestResult, hideReasonsConfirming, type RuleAction, type RuleType } from '@sift/shared';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { type CompiledRule, compileRule, type RuleInput, runRules, type RunBudget } from '@sift/triage-engine';
import { checkConfig, emptyMatrix, ruleInputOf, score, type StoredCommentRow, turnTaker } from './rule-config.js';
import { RuleJobs, type RuleJobRow } from './rule-jobs.js';
import { badFields, excerpt } from './rules-admin.service.js';

export const BACKTEST_DEFAULT_LIMIT = 1000;
export const BACKTEST_MAX_LIMIT = 200_000;
const BATCH = 5000;
const EXAMPLES = 25;

interface BacktestParams {
  type: RuleType;
  name: string;
  action: RuleAction;
  config: Record<string, unknown>;
  /** `draft` or `v3`. */
  label: string;
  currentVersion: number;
  limit: number;
}

/**
 * The comments a moderator decided, most recent first: approved or hidden, where the latest status change was a
 * person's (not a rule's, not a re-triage), with that change's reason. Staff replies are never triaged, so they are
 * left out.
 */
const DECIDED_SQL = `
  SELECT c.id, c.status, last.reason FROM comments c
   CROSS JOIN LATERAL (SELECT e.actor_type, e.reason FROM moderation_events e
           WHERE e.comment_id = c.id AND e.from_status IS NOT NULL AND e.to_status IS NOT NULL
           ORDER BY e.created_at DESC LIMIT 1) last
   WHERE c.status IN ('approved', 'hidden') AND c.author_role = 'reader' AND last.actor_type = 'user'
   ORDER BY c.decided_at DESC NULLS LAST, c.id
   LIMIT $1`;

interface DecidedRow {
  id: string;
  status: 'approved' | 'hidden';
  reason: string | null;
}

interface CommentRow extends StoredCommentRow {
  id: string;
}

/**
 * Backtest: a rule draft (or an old version) and the rule's current version, both run by the same pure engine as
 * the worker, over the last N comments a moderator decided (approve = should pass, hide = should be caught when its
 * reason confirms this rule type, HIDE_REASON_RULE_TYPES; other hides are left out and counted by reason).
 * Runs on the maintenance queue; progress and cancellation through the `rule_jobs` row.
 */
@Injectable()
export class BacktestService {
  private readonly logger = new Logger(BacktestService.name);
  private readonly jobs: RuleJobs;

  /** Each comment's run gets the worker's budget (RULE_RUN_BUDGET_MS); over it is an error, counted as such. */
  private readonly budget: RunBudget;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.jobs = new RuleJobs(ds);
    this.budget = { ms: config.triage.ruleBudgetMs, now: () => performance.now() };
  }

  async enqueue(ruleId: string, req: BacktestRequest, userId: string): Promise<BacktestRecord> {
    if (!/^[0-9a-f-]{36}$/i.test(ruleId)) throw new NotFoundException(`rule ${ruleId} not found`);
    const [rule] = await this.ds.query(`SELECT * FROM rules WHERE id = $1 AND deleted_at IS NULL`, [ruleId]);
    if (!rule) throw new NotFoundException(`rule ${ruleId} not found`);
    let config: Record<string, unknown> = rule.config;
    let action: RuleAction = rule.action;
    let label = 'current';
    if (req.version !== undefined) {
      const [v] = await this.ds.query(`SELECT config, action FROM rule_versions WHERE rule_id = $1 AND version = $2`, [ruleId, req.version]);
      if (!v) throw badFields({ version: [`rule has no version ${req.version}`] });
      ({ config, action } = v);
      label = `v${req.version}`;
    }
    if (req.config !== undefined) {
      const checked = checkConfig(rule.type, req.config);
      if (!checked.ok) throw badFields(checked.fields);
      config = checked.config;
      label = 'draft';
    }
    const params: BacktestParams = {
      type: rule.type,
      name: rule.name,
      action,
      config,
      label,
      currentVersion: rule.version,
      limit: req.limit ?? BACKTEST_DEFAULT_LIMIT,
    };
    const id = await this.jobs.create('backtest', ruleId, params, userId);
    const payload: JobPayloads[typeof JobName.Backtest] = { runId: id };
    try {
      await this.queue.add(JobName.Backtest, payload, { jobId: `backtest-${id}`, attempts: 1, removeOnComplete: true, removeOnFail: 100 });
    } catch (err) {
      await this.jobs.fail(id, `could not be queued: ${(err as Error).message}`);
    }
    return this.get(id);
  }

  async get(id: string): Promise<BacktestRecord> {
    return toRecord(await this.jobs.get<BacktestParams, BacktestResult>(id, 'backtest'));
  }

  async list(ruleId: string): Promise<BacktestRecord[]> {
    const rows: Array<RuleJobRow<BacktestParams, BacktestResult>> = await this.ds.query(
      `SELECT * FROM rule_jobs WHERE kind = 'backtest' AND rule_id = $1 ORDER BY created_at DESC LIMIT 50`,
      [ruleId],
    );
    return rows.map(toRecord);
  }

  /** Cancel: a queued run never starts; a running one stops at its next batch. */
  async cancel(id: string): Promise<BacktestRecord> {
    const row = await this.jobs.cancel<BacktestParams, BacktestResult>(id, 'backtest');
    await this.queue.remove(`backtest-${id}`).catch(() => 0);
    return toRecord(row);
  }

  /** The worker's side. `report` receives the progress (0–100) for the BullMQ job. */
  async run(runId: string, report: (progress: number) => Promise<void> | void = () => undefined): Promise<BacktestResult | 'cancelled'> {
    if (!(await this.jobs.start(runId))) return 'cancelled';
    try {
      const row = await this.jobs.get<BacktestParams, BacktestResult>(runId, 'backtest');
      const p = row.params;
      const [current] = await this.ds.query(
        `SELECT name, type, config, action, version FROM rule_versions WHERE rule_id = $1 AND version = $2`,
        [row.rule_id, p.currentVersion],
      );
      const spec = (config: unknown, action: RuleAction, version: number) =>
        compileRule({ id: row.rule_id ?? 'draft', name: p.name, type: p.type, version, action, mode: 'live', severity: 1, config });
      const draft = spec(p.config, p.action, 0);
      const base = current ? spec(current.config, current.action, current.version) : draft;
      const result = await this.evaluate(p.type, draft, base, p.limit, async (done) => {
        await report(done);
        return this.jobs.progress(runId, done);
      });
      if (result === 'cancelled') return 'cancelled';
      await this.jobs.finish(runId, result);
      await report(100);
      return result;
    } catch (err) {
      this.logger.error(`backtest ${runId} failed: ${(err as Error).stack}`);
      await this.jobs.fail(runId, (err as Error).message);
      throw err;
    }
  }

  /**
   * The measurement itself: the draft and the current version over the decided comments, in batches.
   * `onProgress` answers false to stop (cancelled).
   */
  async evaluate(
    type: RuleType,
    draft: CompiledRule,
    current: CompiledRule,
    limit: number,
    onProgress: (progress: number) => Promise<boolean>,
  ): Promise<BacktestResult | 'cancelled'> {
    const started = performance.now();
    const all: DecidedRow[] = await this.ds.query(DECIDED_SQL, [limit]);
    const confirming = hideReasonsConfirming(type);
    const counts = (d: DecidedRow) => d.status === 'approved' || confirming === 'any' || (confirming as readonly string[]).includes(d.reason ?? '');
    const decided = all.filter(counts);
    const excludedByReason = new Map<string | null, number>();
    for (const d of all) if (!counts(d)) excludedByReason.set(d.reason, (excludedByReason.get(d.reason) ?? 0) + 1);
    const label = new Map(decided.map((d) => [d.id, d.status]));
    const articles = new Map<string, RuleInput['article']>();
    const m = { draft: emptyMatrix(), current: emptyMatrix() };
    const errors = { draft: 0, current: 0 };
    const newly: BacktestExample[] = [];
    const stopped: BacktestExample[] = [];
    let newlyCount = 0;
    let stoppedCount = 0;
    const tally = (matrix: typeof m.draft, caught: boolean, hidden: boolean) => {
      if (caught) matrix[hidden ? 'truePositive' : 'falsePositive']++;
      else matrix[hidden ? 'falseNegative' : 'trueNegative']++;
    };
    for (let i = 0; i < decided.length; i += BATCH) {
      const ids = decided.slice(i, i + BATCH).map((d) => d.id);
      const rows: CommentRow[] = await this.ds.query(
        `SELECT c.id, c.title, c.body, c.author_name, c.author_id, c.received_at, c.article_id,
                p.title AS p_title, p.body AS p_body, p.author_name AS p_author_name
           FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      const missing = [...new Set(rows.map((r) => r.article_id).filter((a) => !articles.has(a)))];
      if (missing.length) {
        const found: Array<{ id: string; title: string; subtitle: string | null; body: string | null }> = await this.ds.query(
          `SELECT id, title, subtitle, body FROM articles WHERE id = ANY($1::uuid[])`,
          [missing],
        );
        for (const a of found) articles.set(a.id, { title: a.title, subtitle: a.subtitle, body: a.body });
      }
      // The worker's triage jobs share this event loop: give them a turn every 50 ms of rule work.
      const turn = turnTaker();
      for (const r of rows) {
        await turn();
        const input = ruleInputOf(r, articles.get(r.article_id) ?? null);
        const [d] = runRules([draft], input, this.budget);
        const [c] = current === draft ? [d] : runRules([current], input, this.budget);
        const hidden = label.get(r.id) === 'hidden';
        const dHit = d.outcome === 'hit';
        const cHit = c.outcome === 'hit';
        if (d.outcome === 'error') errors.draft++;
        if (c.outcome === 'error') errors.current++;
        tally(m.draft, dHit, hidden);
        tally(m.current, cHit, hidden);
        const example = (): BacktestExample => ({ id: r.id, excerpt: excerpt(r.body), decided: hidden ? 'hidden' : 'approved' });
        if (dHit && !cHit && newlyCount++ < EXAMPLES) newly.push(example());
        if (!dHit && cHit && stoppedCount++ < EXAMPLES) stopped.push(example());
      }
      const done = Math.min(i + BATCH, decided.length);
      if (!(await onProgress(Math.floor((done / decided.length) * 99)))) return 'cancelled';
    }
    return {
      comments: decided.length,
      excluded: {
        count: all.length - decided.length,
        byReason: [...excludedByReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      },
      draft: score(m.draft, errors.draft),
      current: score(m.current, errors.current),
      newlyFlagged: { count: newlyCount, examples: newly },
      noLongerFlagged: { count: stoppedCount, examples: stopped },
      durationMs: Math.round(performance.now() - started),
    };
  }
}

function toRecord(r: RuleJobRow<BacktestParams, BacktestResult>): BacktestRecord {
  return {
    id: r.id,
    ruleId: r.rule_id ?? '',
    status: r.status,
    progress: r.progress,
    label: r.params.label,
    currentVersion: r.params.currentVersion,
    limit: r.params.limit,
    config: r.params.config,
    result: r.result,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    createdBy: r.created_by,
  };
}
