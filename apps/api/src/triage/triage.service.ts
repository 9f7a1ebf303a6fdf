import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommentEntity } from '../comments/comment.entity.js';
import { ModerationService } from '../moderation/moderation.service.js';
import { RulesService } from '../rules/rules.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { decide, type RuleOutcome, runRules } from './engine/engine.js';
import type { RuleInput } from './engine/rule.js';
import { TriageDecisionEntity } from './triage-decision.entity.js';
import { TriageFlagEntity } from './triage-flag.entity.js';

export type TriageResult = 'decided' | 'already-decided' | 'missing';

/**
 * Runs the rule engine over one comment and records the decision. Idempotent: the decision is unique per comment,
 * so a job that runs twice (a crash, a stalled job) leaves one decision. The status moves only from `pending`,
 * through ModerationService, in the same transaction; a human decision is never overturned.
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    private readonly settings: SettingsService,
    private readonly moderation: ModerationService,
  ) {}

  /** The article's other approved comments, newest first: the thread the off-topic rule reads for context. */
  private async thread(c: CommentEntity): Promise<NonNullable<RuleInput['thread']>> {
    return this.dataSource.query(
      `SELECT title, body FROM comments WHERE article_id = $1 AND status = 'approved' AND id <> $2
        ORDER BY received_at DESC LIMIT ${THREAD_LIMIT}`,
      [c.articleId, c.id],
    );
  }

  /** The author's list status and their comments before this one within the longest window a rule reads. */
  private async authorContext(c: CommentEntity, minutes: number): Promise<NonNullable<RuleInput['author']>> {
    const [listed] = await this.dataSource.query(`SELECT status FROM authors WHERE key = $1`, [c.authorKey]);
    if (minutes <= 0) return { status: listed?.status ?? null, history: [] };
    const rows: Array<{ id: string; article_id: string; title: string | null; body: string; received_at: Date }> =
      await this.dataSource.query(
        `SELECT id, article_id, title, body, received_at FROM comments
          WHERE author_key = $1 AND id <> $2 AND received_at <= $3 AND received_at > $3 - make_interval(mins => $4)
          ORDER BY received_at DESC LIMIT ${HISTORY_LIMIT}`,
        [c.authorKey, c.id, c.receivedAt, minutes],
      );
    return {
      status: listed?.status ?? null,
      history: rows.map((r) => ({ id: r.id, articleId: r.article_id, title: r.title, body: r.body, receivedAt: r.received_at })),
    };
  }

  async triage(commentId: string): Promise<TriageResult> {
    const comment = await this.dataSource.getRepository(CommentEntity).findOne({
      where: { id: commentId },
      relations: { article: true, parent: true },
    });
    if (!comment) return 'missing';
    if (await this.dataSource.getRepository(TriageDecisionEntity).existsBy({ commentId })) return 'already-decided';

    const [rules, site] = await Promise.all([this.rules.activeRules(), this.settings.get()]);
    const [author, thread] = await Promise.all([
      this.authorContext(comment, Math.max(0, ...rules.map((r) => r.historyMinutes))),
      this.thread(comment),
    ]);
    const started = performance.now();
    const outcomes = runRules(rules, { ...toRuleInput(comment), author, thread });
    const verdict = decide(outcomes, {
      autoApprove: site.autoApprove,
      preModerate: site.preModerate || (comment.article?.preModerate ?? false),
      trustedAuthor: author.status === 'trusted',
    });
    const durationMs = performance.now() - started;
    const recorded = outcomes.filter((o) => o.outcome !== 'pass');

    return this.dataSource.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(TriageDecisionEntity)
        .values({
          commentId,
          outcomeStatus: verdict.status,
          applied: false,
          rulesVersion: rules.map((r) => `${r.spec.id}@${r.spec.version}`).join(','),
          hitCount: outcomes.filter((o) => o.outcome === 'hit').length,
          errorCount: outcomes.filter((o) => o.outcome === 'error').length,
          durationMs,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const decisionId = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!decisionId) return 'already-decided';

      if (recorded.length > 0) {
        await m.insert(
          TriageFlagEntity,
          recorded.map((o) => ({
            decisionId,
            commentId,
            ruleId: o.rule.id,
            ruleName: o.rule.name,
            ruleType: o.rule.type,
            ruleVersion: o.rule.version,
            action: o.rule.action,
            mode: o.rule.mode,
            outcome: o.outcome as 'hit' | 'error',
            score: o.score,
            threshold: o.threshold,
            evidence: o.evidence as never,
          })),
        );
      }

      const changed =
        comment.status === 'pending'
          ? await this.moderation.transition(m, {
              commentId,
              expectedVersion: comment.version,
              from: ['pending'],
              to: verdict.status,
              actor: { type: 'rule' },
              reason: summarize(recorded, verdict.status),
              details: { decisionId },
              priority: verdict.priority,
            })
          : null;
      if (changed) await m.update(TriageDecisionEntity, { id: decisionId }, { applied: true });
      else this.logger.log(`comment ${commentId} was decided by a human first; triage recorded, not applied`);
      return 'decided';
    });
  }
}

/** At most this many earlier comments are handed to history rules (a flood beyond it already fires). */
const HISTORY_LIMIT = 200;
/** How many of the article's approved comments the off-topic rule gets as context. */
const THREAD_LIMIT = 50;

export function toRuleInput(c: CommentEntity): RuleInput {
  return {
    comment: {
      title: c.title,
      body: c.body,
      authorName: c.authorName,
      authorId: c.authorId,
      receivedAt: c.receivedAt,
      articleId: c.articleId,
    },
    article: c.article ? { title: c.article.title, subtitle: c.article.subtitle, body: c.article.body } : null,
    parent: c.parent ? { title: c.parent.title, body: c.parent.body, authorName: c.parent.authorName } : null,
  };
}

function summarize(recorded: RuleOutcome[], status: string): string {
  const live = recorded.filter((o) => o.rule.mode === 'live');
  if (live.length === 0) return status === 'approved' ? 'no rule fired' : 'no rule fired; waits for a moderator';
  return live.map((o) => `${o.rule.name}${o.outcome === 'error' ? ' (error)' : ''}: ${o.evidence.summary}`).join('; ');
}
