import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthorListStatus, CommentStatus } from '@sift/shared';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { prepared, queryPrepared, warmConnections } from '../core/database/prepared.js';
import { ruleOutcomes, ruleOverBudget, triageDecisions } from '../core/metrics/metrics.js';
import { type MovedRow, ModerationService, type StatusChange, statusChangeParams, statusChangeSql } from '../moderation/moderation.service.js';
import { type CampaignLookup, CampaignLookupService, type KeepHiding } from './campaign-lookup.service.js';
import { RULES_FINGERPRINT_SQL, RuleSetService } from './rule-set.service.js';
import { type CompiledRule, decide, type RuleInput, type RuleOutcome, runRules, type RunBudget } from '@sift/triage-engine';
import { WARM_UP_INPUTS } from './warm-up.js';

export type TriageResult = 'decided' | 'already-decided' | 'missing';
export interface RetriageResult {
  result: 'changed' | 'unchanged' | 'human' | 'missing';
  status?: CommentStatus;
}

/** At most this many earlier comments are handed to history rules (a flood beyond it already fires). */
const HISTORY_LIMIT = 200;
/** How many of the article's approved comments the off-topic rule gets as context. */
const THREAD_LIMIT = 50;
/** A comment id that no comment has (the warm-up's statements run for it and find nothing). */
const NO_COMMENT = '00000000-0000-0000-0000-000000000000';

/** Everything triage needs about one comment, read in one round trip. */
interface TriageContext {
  id: string;
  article_id: string;
  author_key: string;
  author_name: string;
  author_id: string | null;
  title: string | null;
  body: string;
  status: CommentStatus;
  version: number;
  received_at: Date;
  a_title: string;
  a_subtitle: string | null;
  a_body: string | null;
  a_pre_moderate: boolean;
  p_title: string | null;
  p_body: string | null;
  p_author_name: string | null;
  decided: boolean;
  author_status: AuthorListStatus | null;
  auto_approve: boolean;
  site_pre_moderate: boolean;
  rules_fingerprint: string;
  /** The author's earlier comments within the `history_minutes` read (JSON: received_at as text). */
  history: Array<{ id: string; article_id: string; title: string | null; body: string; received_at: string }>;
  history_minutes: number;
  thread: NonNullable<RuleInput['thread']>;
}

/**
 * One read for triage: the comment, its article and parent, whether it has a decision, the author list, the site
 * settings, the rule-set fingerprint, the author's history within $2 minutes and the article's thread, newest first.
 */
const CONTEXT = prepared(
  'triage_context',
  `SELECT c.id, c.article_id, c.author_key, c.author_name, c.author_id, c.title, c.body, c.status, c.version, c.received_at,
          a.title AS a_title, a.subtitle AS a_subtitle, a.body AS a_body, a.pre_moderate AS a_pre_moderate,
          p.title AS p_title, p.body AS p_body, p.author_name AS p_author_name,
          EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = c.id) AS decided,
          (SELECT status FROM authors WHERE key = c.author_key) AS author_status,
          s.auto_approve, s.pre_moderate AS site_pre_moderate,
          ${RULES_FINGERPRINT_SQL} AS rules_fingerprint,
          $2::int AS history_minutes,
          (SELECT coalesce(json_agg(h ORDER BY h.received_at DESC), '[]'::json) FROM (
             SELECT id, article_id, title, body, received_at FROM comments
              WHERE author_key = c.author_key AND id <> c.id AND received_at <= c.received_at
                AND received_at > c.received_at - make_interval(mins => $2::int)
              ORDER BY received_at DESC LIMIT ${HISTORY_LIMIT}) h) AS history,
          (SELECT coalesce(json_agg(json_build_object('title', t.title, 'body', t.body) ORDER BY t.received_at DESC), '[]'::json) FROM (
             SELECT title, body, received_at FROM comments
              WHERE article_id = c.article_id AND status = 'approved' AND id <> c.id
              ORDER BY received_at DESC LIMIT ${THREAD_LIMIT}) t) AS thread
     FROM comments c
     JOIN articles a ON a.id = c.article_id
     LEFT JOIN comments p ON p.id = c.parent_id
     CROSS JOIN site_settings s
    WHERE c.id = $1 AND s.id = 1`,
);

/**
 * The decision and its flags (hits and errors) as CTEs `d` and `f`; `applied` is an SQL boolean, `from` an optional
 * FROM clause the decision row needs (none when it is empty). Values $1–$7.
 */
function decisionSql(applied: string, from = ''): string {
  return `d AS (
       INSERT INTO triage_decisions (comment_id, outcome_status, applied, rules_version, hit_count, error_count, duration_ms)
       SELECT $1::uuid, $2::text, ${applied}, $3::text, $4::int, $5::int, $6::real ${from}
       ON CONFLICT (comment_id) DO NOTHING
       RETURNING id, applied),
     f AS (
       INSERT INTO triage_flags (decision_id, comment_id, rule_id, rule_name, rule_type, rule_version, action, mode,
                                 outcome, score, threshold, evidence)
       SELECT d.id, $1, x.rule_id, x.rule_name, x.rule_type, x.rule_version, x.action, x.mode, x.outcome, x.score,
              x.threshold, x.evidence
         FROM d, jsonb_to_recordset($7::jsonb) AS x(rule_id uuid, rule_name text, rule_type text, rule_version int,
              action text, mode text, outcome text, score float8, threshold float8, evidence jsonb))`;
}

/**
 * A first decision, in one statement (atomic without BEGIN/COMMIT): lock the comment, insert the decision and its
 * flags (nothing when the comment already has one, or no longer exists), and, when the comment is still `pending` at
 * the version triage read, move it through ModerationService's status-change SQL. `applied` records whether it moved.
 * Values: $1–$7 the decision, $8 the version read, $9– the status change.
 */
const DECIDE = prepared(
  'triage_decide',
  `WITH cur AS (SELECT version, status FROM comments WHERE id = $1 FOR UPDATE),
     ${decisionSql(`cur.version = $8 AND cur.status = 'pending'`, 'FROM cur')},
     ${statusChangeSql(9, { gate: 'EXISTS (SELECT 1 FROM d WHERE d.applied)', detailsSql: `(SELECT jsonb_build_object('decisionId', d.id) FROM d)` })}
   SELECT d.id AS decision_id, d.applied, m.id, m.status, m.version, m.article_id, m.from_status
     FROM d LEFT JOIN moved m ON true`,
);

/** A replacement decision (re-triage), inside the caller's transaction, applied. */
const REDECIDE = prepared('triage_redecide', `WITH ${decisionSql('true')} SELECT id FROM d`);

/**
 * Runs the rule engine over one comment and records the decision. Idempotent: the decision is unique per comment,
 * so a job that runs twice (a crash, a stalled job) leaves one decision. The status moves only from `pending`,
 * through ModerationService's status-change SQL, in the same statement as the decision; a human decision is never
 * overturned.
 * Hot path: two Postgres round trips, both prepared statements (one read of everything the rules need, one
 * statement that writes the decision, its flags and the status change) — docs/benchmarks.md, "Pipeline".
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger(TriageService.name);
  /** How far back the context read fetches author history: the longest window of the rule set last seen. */
  private historyMinutes = 0;
  /** All the rules of one comment together get this long (RULE_RUN_BUDGET_MS); a rule over it is an `error`. */
  private readonly budget: RunBudget;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleSetService,
    private readonly moderation: ModerationService,
    private readonly campaigns: CampaignLookupService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.budget = { ms: config.triage.ruleBudgetMs, now: () => performance.now() };
  }

  /**
   * Before a worker takes its first job: open as many Postgres connections as it runs jobs at once, with the context
   * read and the decision statement prepared on each (for a comment that cannot exist: they read and write nothing),
   * compile the rule set, and run it over a few sample comments (WARM_UP_INPUTS), so the first real comments pay for
   * no connection set-up, planning, compilation or cold code. Without it a freshly started worker's first seconds of
   * decisions took up to 1.3 s at 200 comments/s, against ≤ 150 ms afterwards (bench:pipeline's per-10-s timeline).
   */
  async warmUp(concurrency: number): Promise<number> {
    const started = performance.now();
    const [{ fingerprint, autovacuum }]: Array<{ fingerprint: string; autovacuum: boolean }> = await this.dataSource.query(
      `SELECT ${RULES_FINGERPRINT_SQL} AS fingerprint, current_setting('autovacuum') = 'on' AS autovacuum`,
    );
    if (!autovacuum) {
      // Every comment is updated after it is inserted; unvacuumed, the context read slowed from 1 to 90 ms in ten
      // minutes at 100 comments/s (docs/operations.md, "Postgres upkeep").
      this.logger.warn('Postgres has autovacuum off: dead comment rows will pile up and triage will slow down; turn it on or schedule VACUUM (ANALYZE)');
    }
    const rules = await this.rules.activeRulesFor(fingerprint);
    this.historyMinutes = longestHistory(rules);
    const change: StatusChange = { commentId: NO_COMMENT, expectedVersion: 0, from: ['pending'], to: 'approved', actor: { type: 'rule' } };
    const warmed = await warmConnections(this.dataSource, concurrency, [
      [CONTEXT, [NO_COMMENT, this.historyMinutes]],
      [DECIDE, [...decisionParams(NO_COMMENT, 'approved', rules, [], 0), 0, ...statusChangeParams(change)]],
      ...CampaignLookupService.warmUp,
    ]);
    if (warmed < concurrency) {
      this.logger.warn(`TRIAGE_CONCURRENCY (${concurrency}) is above DATABASE_POOL_SIZE (${warmed}): jobs will wait for a database connection`);
    }
    for (let i = 0; i < 50; i++) for (const input of WARM_UP_INPUTS) runRules(rules, input);
    return Math.round(performance.now() - started);
  }

  /**
   * The comment with everything triage reads about it, and the current rule set; undefined when the comment does not
   * exist. One round trip — two when the rule set changed and now looks further back than the history read.
   */
  private async read(commentId: string): Promise<{ ctx: TriageContext; rules: CompiledRule[] } | undefined> {
    const [ctx] = await queryPrepared<TriageContext>(this.dataSource, CONTEXT, [commentId, this.historyMinutes]);
    if (!ctx) return undefined;
    const rules = await this.rules.activeRulesFor(ctx.rules_fingerprint);
    this.historyMinutes = longestHistory(rules);
    return this.historyMinutes > ctx.history_minutes ? this.read(commentId) : { ctx, rules };
  }

  /**
   * The comment's campaign context (stored signature, cluster, network names) and whether its campaign is kept
   * hidden, when a campaign rule is active (in any mode: the lookup and "keep hiding" do not depend on it being live).
   */
  private async campaignOf(ctx: TriageContext, rules: CompiledRule[]): Promise<CampaignLookup | undefined> {
    return CampaignLookupService.wanted(rules) ? this.campaigns.context(ctx.id, ctx.title, ctx.body) : undefined;
  }

  /**
   * The rules over one comment with its author history, thread and campaign, and the status they ask for — hidden,
   * whatever they say, when it joined a campaign its moderators keep hiding (`keep`: the audit event names it).
   */
  private evaluate(ctx: TriageContext, rules: CompiledRule[], campaign: CampaignLookup | undefined) {
    const history = ctx.history.map((r) => ({ id: r.id, articleId: r.article_id, title: r.title, body: r.body, receivedAt: new Date(r.received_at) }));
    const started = performance.now();
    const input = { ...toRuleInput(ctx), author: { status: ctx.author_status, history }, thread: ctx.thread, campaign: campaign?.context };
    const outcomes = runRules(rules, input, this.budget);
    const decided = decide(outcomes, {
      autoApprove: ctx.auto_approve,
      preModerate: ctx.site_pre_moderate || ctx.a_pre_moderate,
      trustedAuthor: ctx.author_status === 'trusted',
    });
    const keep = campaign?.keep ?? null;
    const verdict = keep ? { ...decided, status: 'hidden' as const } : decided;
    const durationMs = performance.now() - started;
    return { outcomes, verdict, durationMs, recorded: outcomes.filter((o) => o.outcome !== 'pass'), keep };
  }

  async triage(commentId: string): Promise<TriageResult> {
    const read = await this.read(commentId);
    if (!read) return 'missing';
    const { ctx, rules } = read;
    if (ctx.decided) return 'already-decided';

    const { outcomes, verdict, durationMs, recorded, keep } = this.evaluate(ctx, rules, await this.campaignOf(ctx, rules));
    const change: StatusChange = {
      commentId,
      expectedVersion: ctx.version,
      from: ['pending'],
      to: verdict.status,
      actor: { type: 'rule' },
      reason: keep ? keptHidden(keep) : summarize(recorded, verdict.status),
      priority: verdict.priority,
      details: keep ? keptDetails(keep) : undefined,
    };
    // One statement: the decision, its flags and (when still pending at this version) the status change.
    const [row] = await queryPrepared<MovedRow & { decision_id: string; applied: boolean }>(this.dataSource, DECIDE, [
      ...decisionParams(commentId, verdict.status, rules, outcomes, durationMs),
      ctx.version,
      ...statusChangeParams(change),
    ]);
    if (!row) return 'already-decided';
    const changed = this.moderation.moved(this.dataSource.manager, change, row.id === null ? undefined : row);
    if (!changed) this.logger.log(`comment ${commentId} was decided by a human first; triage recorded, not applied`);
    triageDecisions.inc({ outcome: verdict.status });
    for (const o of recorded) {
      ruleOutcomes.inc({ rule_type: o.rule.type, outcome: o.outcome, mode: o.rule.mode });
      if (o.evidence.overBudget) ruleOverBudget.inc({ rule_type: o.rule.type });
    }
    const over = recorded.filter((o) => o.evidence.overBudget);
    if (over.length > 0) this.logger.warn(`comment ${commentId}: rules over the time budget (${this.budget.ms} ms), held for a moderator: ${over.map((o) => o.rule.name).join(', ')}`);
    return 'decided';
  }

  /**
   * Re-triage after a rule change: run the current rules again and replace the comment's decision. Never touches a
   * comment a person acted on (any `moderation_events` row with actor_type 'user'), checked under the comment's row
   * lock, so a moderator deciding at the same moment either wins first (skipped here) or gets the usual 409.
   * The status moves only through ModerationService.transition, from the status the rules gave it.
   */
  async retriage(commentId: string): Promise<RetriageResult> {
    const read = await this.read(commentId);
    if (!read) return { result: 'missing' };
    const { ctx, rules } = read;
    const { outcomes, verdict, durationMs, recorded, keep } = this.evaluate(ctx, rules, await this.campaignOf(ctx, rules));
    return this.dataSource.transaction(async (m) => {
      const [row]: Array<{ status: CommentStatus; version: number; author_role: string; human: boolean }> = await m.query(
        `SELECT status, version, author_role FROM comments WHERE id = $1 FOR UPDATE`,
        [commentId],
      );
      if (!row) return { result: 'missing' as const };
      const [{ human }] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM moderation_events WHERE comment_id = $1 AND actor_type = 'user') AS human`,
        [commentId],
      );
      if (human || row.author_role !== 'reader') return { result: 'human' as const, status: row.status };
      await m.query(`DELETE FROM triage_decisions WHERE comment_id = $1`, [commentId]);
      const [inserted] = await queryPrepared<{ id: string }>(m, REDECIDE, decisionParams(commentId, verdict.status, rules, outcomes, durationMs));
      if (!inserted || verdict.status === row.status) return { result: 'unchanged' as const, status: row.status };
      const changed = await this.moderation.transition(m, {
        commentId,
        expectedVersion: row.version,
        from: [row.status],
        to: verdict.status,
        actor: { type: 'rule' },
        reason: `re-triage: ${keep ? keptHidden(keep) : summarize(recorded, verdict.status)}`,
        details: { decisionId: inserted.id, retriage: true, ...(keep ? keptDetails(keep) : {}) },
        priority: verdict.priority,
      });
      return changed ? { result: 'changed' as const, status: changed.status } : { result: 'unchanged' as const, status: row.status };
    });
  }
}

/** The longest author-history window any rule of the set reads, in minutes. */
function longestHistory(rules: readonly CompiledRule[]): number {
  return Math.max(0, ...rules.map((r) => r.historyMinutes));
}

function toRuleInput(c: TriageContext): RuleInput {
  return {
    comment: {
      title: c.title,
      body: c.body,
      authorName: c.author_name,
      authorId: c.author_id,
      receivedAt: c.received_at,
      articleId: c.article_id,
    },
    article: { title: c.a_title, subtitle: c.a_subtitle, body: c.a_body },
    parent: c.p_body !== null ? { title: c.p_title, body: c.p_body, authorName: c.p_author_name ?? '' } : null,
  };
}

/** The audit reason of a comment hidden because its campaign is kept hidden. */
function keptHidden(keep: KeepHiding): string {
  return `its campaign is kept hidden${keep.reason ? `: ${keep.reason}` : ''}`;
}

/** The audit details naming the campaign (the card links it; the campaign's undo puts it back with the others). */
function keptDetails(keep: KeepHiding): Record<string, unknown> {
  return { campaign: keep.campaignId, campaignAction: 'hide', keepHiding: true };
}

function summarize(recorded: RuleOutcome[], status: string): string {
  const live = recorded.filter((o) => o.rule.mode === 'live');
  if (live.length === 0) return status === 'approved' ? 'no rule fired' : 'no rule fired; waits for a moderator';
  return live.map((o) => `${o.rule.name}${o.outcome === 'error' ? ' (error)' : ''}: ${o.evidence.summary}`).join('; ');
}

/** The values $1–$7 of `decisionSql`: the decision and its recorded outcomes (hits and errors). */
function decisionParams(
  commentId: string,
  status: CommentStatus,
  rules: readonly CompiledRule[],
  outcomes: readonly RuleOutcome[],
  durationMs: number,
): unknown[] {
  return [
    commentId,
    status,
    rules.map((r) => `${r.spec.id}@${r.spec.version}`).join(','),
    outcomes.filter((o) => o.outcome === 'hit').length,
    outcomes.filter((o) => o.outcome === 'error').length,
    durationMs,
    JSON.stringify(
      outcomes
        .filter((o) => o.outcome !== 'pass')
        .map((o) => ({
          rule_id: o.rule.id,
          rule_name: o.rule.name,
          rule_type: o.rule.type,
          rule_version: o.rule.version,
          action: o.rule.action,
          mode: o.rule.mode,
          outcome: o.outcome,
          score: o.score,
          threshold: o.threshold,
          evidence: o.evidence,
        })),
    ),
  ];
}
