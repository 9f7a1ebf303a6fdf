import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthorListStatus, CommentStatus } from '@sift/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { ruleOutcomes, triageDecisions } from '../core/metrics/metrics.js';
import { ModerationService } from '../moderation/moderation.service.js';
import { RULES_FINGERPRINT_SQL, RulesService } from '../rules/rules.service.js';
import { type CompiledRule, decide, type RuleOutcome, runRules } from './engine/engine.js';
import type { RuleInput } from './engine/rule.js';
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
}

const CONTEXT_SQL = `
  SELECT c.id, c.article_id, c.author_key, c.author_name, c.author_id, c.title, c.body, c.status, c.version, c.received_at,
         a.title AS a_title, a.subtitle AS a_subtitle, a.body AS a_body, a.pre_moderate AS a_pre_moderate,
         p.title AS p_title, p.body AS p_body, p.author_name AS p_author_name,
         EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = c.id) AS decided,
         (SELECT status FROM authors WHERE key = c.author_key) AS author_status,
         s.auto_approve, s.pre_moderate AS site_pre_moderate,
         ${RULES_FINGERPRINT_SQL} AS rules_fingerprint
    FROM comments c
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN comments p ON p.id = c.parent_id
    CROSS JOIN site_settings s
   WHERE c.id = $1 AND s.id = 1`;

/**
 * Runs the rule engine over one comment and records the decision. Idempotent: the decision is unique per comment,
 * so a job that runs twice (a crash, a stalled job) leaves one decision. The status moves only from `pending`,
 * through ModerationService, in the same transaction; a human decision is never overturned.
 * Hot path: raw SQL, few round trips (one read of the comment, article, parent, author list, settings and rule-set
 * fingerprint; history and thread in parallel; decision and flags in one statement).
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    private readonly moderation: ModerationService,
  ) {}

  /**
   * Before a worker takes its first job: open as many Postgres connections as it runs jobs at once, compile the rule
   * set, and run it over a few sample comments (WARM_UP_INPUTS), so the first real comments pay for no connection
   * set-up, compilation or cold code. Without it a freshly started worker's first seconds of decisions took up to
   * 1.3 s at 200 comments/s, against ≤ 150 ms afterwards (bench:pipeline's per-10-s timeline).
   */
  async warmUp(concurrency: number): Promise<number> {
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => this.dataSource.query('SELECT 1')));
    const [{ fingerprint }]: Array<{ fingerprint: string }> = await this.dataSource.query(`SELECT ${RULES_FINGERPRINT_SQL} AS fingerprint`);
    const rules = await this.rules.activeRulesFor(fingerprint);
    for (let i = 0; i < 50; i++) for (const input of WARM_UP_INPUTS) runRules(rules, input);
    return Math.round(performance.now() - started);
  }

  /** The current rules over one comment with its author history and thread, and the status they ask for. */
  private async evaluate(ctx: TriageContext) {
    const rules = await this.rules.activeRulesFor(ctx.rules_fingerprint);
    const historyMinutes = Math.max(0, ...rules.map((r) => r.historyMinutes));
    const [history, thread] = await Promise.all([this.history(ctx, historyMinutes), this.thread(ctx)]);
    const started = performance.now();
    const outcomes = runRules(rules, { ...toRuleInput(ctx), author: { status: ctx.author_status, history }, thread });
    const verdict = decide(outcomes, {
      autoApprove: ctx.auto_approve,
      preModerate: ctx.site_pre_moderate || ctx.a_pre_moderate,
      trustedAuthor: ctx.author_status === 'trusted',
    });
    const durationMs = performance.now() - started;
    return { rules, outcomes, verdict, durationMs, recorded: outcomes.filter((o) => o.outcome !== 'pass') };
  }

  async triage(commentId: string): Promise<TriageResult> {
    const [ctx]: TriageContext[] = await this.dataSource.query(CONTEXT_SQL, [commentId]);
    if (!ctx) return 'missing';
    if (ctx.decided) return 'already-decided';

    const { rules, outcomes, verdict, durationMs, recorded } = await this.evaluate(ctx);
    const willApply = ctx.status === 'pending';

    const result = await this.dataSource.transaction(async (m) => {
      const inserted = await insertDecision(m, commentId, verdict.status, willApply, rules, outcomes, durationMs);
      if (!inserted) return 'already-decided' as const;

      const changed = willApply
        ? await this.moderation.transition(m, {
            commentId,
            expectedVersion: ctx.version,
            from: ['pending'],
            to: verdict.status,
            actor: { type: 'rule' },
            reason: summarize(recorded, verdict.status),
            details: { decisionId: inserted.id },
            priority: verdict.priority,
          })
        : null;
      if (willApply && !changed) {
        await m.query(`UPDATE triage_decisions SET applied = false WHERE id = $1`, [inserted.id]);
      }
      if (!changed) this.logger.log(`comment ${commentId} was decided by a human first; triage recorded, not applied`);
      return 'decided' as const;
    });
    if (result === 'decided') {
      triageDecisions.inc({ outcome: verdict.status });
      for (const o of recorded) ruleOutcomes.inc({ rule_type: o.rule.type, outcome: o.outcome, mode: o.rule.mode });
    }
    return result;
  }

  /**
   * Re-triage after a rule change: run the current rules again and replace the comment's decision. Never touches a
   * comment a person acted on (any `moderation_events` row with actor_type 'user'), checked under the comment's row
   * lock, so a moderator deciding at the same moment either wins first (skipped here) or gets the usual 409.
   * The status moves only through ModerationService.transition, from the status the rules gave it.
   */
  async retriage(commentId: string): Promise<RetriageResult> {
    const [ctx]: TriageContext[] = await this.dataSource.query(CONTEXT_SQL, [commentId]);
    if (!ctx) return { result: 'missing' };
    const { rules, outcomes, verdict, durationMs, recorded } = await this.evaluate(ctx);
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
      const inserted = await insertDecision(m, commentId, verdict.status, true, rules, outcomes, durationMs);
      if (!inserted || verdict.status === row.status) return { result: 'unchanged' as const, status: row.status };
      const changed = await this.moderation.transition(m, {
        commentId,
        expectedVersion: row.version,
        from: [row.status],
        to: verdict.status,
        actor: { type: 'rule' },
        reason: `re-triage: ${summarize(recorded, verdict.status)}`,
        details: { decisionId: inserted.id, retriage: true },
        priority: verdict.priority,
      });
      return changed ? { result: 'changed' as const, status: changed.status } : { result: 'unchanged' as const, status: row.status };
    });
  }

  /** The article's other approved comments, newest first: the thread the off-topic rule reads for context. */
  private thread(c: TriageContext): Promise<NonNullable<RuleInput['thread']>> {
    return this.dataSource.query(
      `SELECT title, body FROM comments WHERE article_id = $1 AND status = 'approved' AND id <> $2
        ORDER BY received_at DESC LIMIT ${THREAD_LIMIT}`,
      [c.article_id, c.id],
    );
  }

  /** The author's comments before this one within the longest window a rule reads. */
  private async history(c: TriageContext, minutes: number): Promise<NonNullable<RuleInput['author']>['history']> {
    if (minutes <= 0) return [];
    const rows: Array<{ id: string; article_id: string; title: string | null; body: string; received_at: Date }> =
      await this.dataSource.query(
        `SELECT id, article_id, title, body, received_at FROM comments
          WHERE author_key = $1 AND id <> $2 AND received_at <= $3 AND received_at > $3 - make_interval(mins => $4)
          ORDER BY received_at DESC LIMIT ${HISTORY_LIMIT}`,
        [c.author_key, c.id, c.received_at, minutes],
      );
    return rows.map((r) => ({ id: r.id, articleId: r.article_id, title: r.title, body: r.body, receivedAt: r.received_at }));
  }
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

function summarize(recorded: RuleOutcome[], status: string): string {
  const live = recorded.filter((o) => o.rule.mode === 'live');
  if (live.length === 0) return status === 'approved' ? 'no rule fired' : 'no rule fired; waits for a moderator';
  return live.map((o) => `${o.rule.name}${o.outcome === 'error' ? ' (error)' : ''}: ${o.evidence.summary}`).join('; ');
}

/** The decision and its flags (hits and errors) in one statement; null when the comment already has a decision. */
async function insertDecision(
  m: EntityManager,
  commentId: string,
  status: CommentStatus,
  applied: boolean,
  rules: readonly CompiledRule[],
  outcomes: readonly RuleOutcome[],
  durationMs: number,
): Promise<{ id: string } | null> {
  const recorded = outcomes.filter((o) => o.outcome !== 'pass');
  const [inserted]: Array<{ id: string }> = await m.query(
    `WITH d AS (
       INSERT INTO triage_decisions (comment_id, outcome_status, applied, rules_version, hit_count, error_count, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (comment_id) DO NOTHING
       RETURNING id),
     f AS (
       INSERT INTO triage_flags (decision_id, comment_id, rule_id, rule_name, rule_type, rule_version, action, mode,
                                 outcome, score, threshold, evidence)
       SELECT d.id, $1, x.rule_id, x.rule_name, x.rule_type, x.rule_version, x.action, x.mode, x.outcome, x.score,
              x.threshold, x.evidence
         FROM d, jsonb_to_recordset($8::jsonb) AS x(rule_id uuid, rule_name text, rule_type text, rule_version int,
              action text, mode text, outcome text, score float8, threshold float8, evidence jsonb))
     SELECT id FROM d`,
    [
      commentId,
      status,
      applied,
      rules.map((r) => `${r.spec.id}@${r.spec.version}`).join(','),
      outcomes.filter((o) => o.outcome === 'hit').length,
      outcomes.filter((o) => o.outcome === 'error').length,
      durationMs,
      JSON.stringify(
        recorded.map((o) => ({
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
    ],
  );
  return inserted ?? null;
}
