import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AGREEMENT_LIMITS, type AgreementExample, hideReasonsConfirming, type HideReason, type LearnedModelAgreement, type LearnedModelRecord } from '@sift/shared';
import {
  compileRule,
  decodeModel,
  encodeModel,
  type LabelledComment,
  type LearnedModel,
  learningCurve,
  metrics,
  type RuleInput,
  type SiteModels,
  topNgrams,
  trainInsultModel,
} from '@sift/triage-engine';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { JobName, type JobPayloads, QueueName } from '../core/queue/queue.constants.js';
import { ruleInputOf, type StoredCommentRow, turnTaker } from './rule-config.js';
import { excerpt } from './rules-admin.service.js';

/** Training sizes of the stored learning curve (those below 80 % of the decisions are measured). */
const CURVE_SIZES = [50, 100, 300, 1000, 3000, 10000];
/**
 * Weak negatives (LEARNED_WEAK_NEGATIVE_DAYS > 0): each counts this much in SGD beside a decision's 1, and at most
 * WEAK_PER_DECISION × the decisions are taken (the most recent). Chosen on the shared Kaggle set replayed as a site
 * whose moderators decide only what the lexicon flags (docs/eval.md, "Weak negatives").
 */
export const WEAK_NEGATIVE_WEIGHT = 1;
const WEAK_PER_DECISION = 2;

interface ModelRow {
  id: string;
  version: number;
  task: 'insult';
  status: LearnedModelRecord['status'];
  progress: number;
  trigger: 'manual' | 'nightly';
  labels: number | null;
  positives: number | null;
  threshold: number | null;
  metrics: LearnedModelRecord['metrics'];
  curve: LearnedModelRecord['curve'];
  fingerprint: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  promoted_at: Date | null;
  promoted_by_name: string | null;
  promotion_note: string | null;
  weak_negatives: number | null;
}

/** Examples of each disagreement the agreement answers with. */
const AGREEMENT_EXAMPLES = 10;

const COLUMNS = `id, version, task, status, progress, trigger, labels, positives, threshold, metrics, curve, fingerprint, error, created_at, finished_at, promoted_at,
  (SELECT name FROM users u WHERE u.id = promoted_by) AS promoted_by_name, promotion_note, weak_negatives`;

/**
 * The site's learned insult model (issue 15): moderators' decisions become labels, a retrain on the `rule-jobs`
 * queue trains and cross-validates a model version and leaves it in shadow, an admin promotes it or rolls back.
 *
 * Labels: a comment's latest decision by a person. Approved → not an insult; hidden for a reason that confirms the
 * insult rule (HIDE_REASON_RULE_TYPES: Personal attack, Hate or harassment) → insult; other hides (spam, off-topic,
 * duplicates) → no insult label. Staff comments are left out.
 */
@Injectable()
export class LearnedModelsService {
  private readonly logger = new Logger(LearnedModelsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.RuleJobs) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<LearnedModelRecord[]> {
    const rows: ModelRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM learned_models ORDER BY version DESC`);
    return rows.map(toRecord);
  }

  async get(id: string): Promise<LearnedModelRecord> {
    const [row] = (await this.ds.query(`SELECT ${COLUMNS} FROM learned_models WHERE id = $1`, [id])) as ModelRow[];
    if (!row) throw new NotFoundException(`learned model ${id} not found`);
    return toRecord(row);
  }

  /** A new version in `training` (the nightly job trains it at once; `enqueue` queues a job for it). */
  async enqueueRow(trigger: 'manual' | 'nightly', userId: string | null): Promise<{ id: string }> {
    const [row] = await this.ds.query(`INSERT INTO learned_models (trigger, created_by) VALUES ($1, $2) RETURNING id`, [trigger, userId]);
    return row;
  }

  /**
   * The nightly retrain: a new version only when people decided something since the last version was made (a
   * quiet night adds no empty version).
   */
  async nightly(report: (progress: number) => Promise<void> | void): Promise<LearnedModelRecord['status'] | 'nothing new'> {
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM moderation_events
        WHERE actor_type = 'user' AND created_at > coalesce((SELECT max(created_at) FROM learned_models), '-infinity')`,
    );
    if (!n) return 'nothing new';
    return this.run((await this.enqueueRow('nightly', null)).id, report);
  }

  /** On demand (the API): a new version in `training` and its job on the rules feature's queue. */
  async enqueue(trigger: 'manual' | 'nightly', userId: string | null): Promise<LearnedModelRecord> {
    const row = await this.enqueueRow(trigger, userId);
    const payload: JobPayloads[typeof JobName.Retrain] = { modelId: row.id };
    try {
      await this.queue.add(JobName.Retrain, payload, { jobId: `retrain-${row.id}`, attempts: 1, removeOnComplete: true, removeOnFail: 100 });
    } catch (err) {
      await this.ds.query(`UPDATE learned_models SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [row.id, `could not be queued: ${(err as Error).message}`]);
    }
    return this.get(row.id);
  }

  /** The decisions as labels, oldest first, each with the site's current lexicon score (the stacker's other input). */
  async labels(): Promise<LabelledComment[]> {
    const rows: Array<{ title: string | null; body: string; to_status: string; reason: string | null }> = await this.ds.query(
      `SELECT c.title, c.body, e.to_status, e.reason FROM comments c
         JOIN LATERAL (SELECT to_status, reason FROM moderation_events e
                        WHERE e.comment_id = c.id AND e.actor_type = 'user' AND e.to_status IN ('approved', 'hidden')
                        ORDER BY e.created_at DESC, e.id DESC LIMIT 1) e ON true
        WHERE c.author_role = 'reader'
        ORDER BY c.received_at, c.id`,
    );
    const insultReasons = hideReasonsConfirming('insult');
    const confirms = (reason: string | null) => insultReasons === 'any' || insultReasons.includes(reason as HideReason);
    const lexicon = await this.lexicon();
    return rows
      .filter((r) => r.to_status === 'approved' || confirms(r.reason))
      .map((r) => ({
        title: r.title,
        body: r.body,
        label: r.to_status === 'hidden',
        lexicon: lexicon({ comment: { title: r.title, body: r.body, authorName: '', authorId: null, receivedAt: new Date(0) }, article: null, parent: null }).score,
      }));
  }

  /**
   * Weak negatives (LEARNED_WEAK_NEGATIVE_DAYS > 0): reader comments the worker approved at least that many days
   * ago that nobody reported and no person decided, most recent first, at most `max`. Labelled "not an insult" with
   * weight WEAK_NEGATIVE_WEIGHT; only the SGD fits see them (learned/train.ts).
   */
  async weakNegatives(max: number): Promise<LabelledComment[]> {
    const days = this.config.learned.weakNegativeDays;
    if (days <= 0 || max <= 0) return [];
    const rows: Array<{ title: string | null; body: string }> = await this.ds.query(
      `SELECT c.title, c.body FROM comments c
        WHERE c.author_role = 'reader' AND c.status = 'approved' AND c.received_at < now() - make_interval(days => $1)
          AND EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = c.id AND d.applied AND d.outcome_status = 'approved')
          AND NOT EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_id = c.id AND e.actor_type = 'user')
          AND NOT EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = c.id)
        ORDER BY c.received_at DESC, c.id LIMIT $2`,
      [days, max],
    );
    return rows.reverse().map((r) => ({ title: r.title, body: r.body, label: false, lexicon: 0, weak: WEAK_NEGATIVE_WEIGHT }));
  }

  /**
   * The site's enabled insult rule's config (the defaults when there is none), compiled without a model (day 0), or
   * with the given site model.
   */
  private async lexicon(site?: SiteModels) {
    const [rule] = await this.ds.query(`SELECT id, name, version, config FROM rules WHERE type = 'insult' AND enabled AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
    const compiled = compileRule({ id: rule?.id ?? 'insult', name: 'insult', type: 'insult', version: rule?.version ?? 0, action: 'flag', mode: 'live', severity: 1, config: rule?.config ?? {} }, site);
    if (!compiled.evaluate) throw new Error(`the insult rule does not compile: ${compiled.compileError}`);
    return compiled.evaluate;
  }

  /** The retrain job: labels → CV → model + learning curve → stored in shadow (or `no_model` with the reason). */
  async run(modelId: string, report: (progress: number) => Promise<void> | void = () => undefined): Promise<LearnedModelRecord['status']> {
    // UPDATE … RETURNING inside a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
    const [started] = await this.ds.query(`WITH u AS (UPDATE learned_models SET progress = 5 WHERE id = $1 AND status = 'training' RETURNING id) SELECT id FROM u`, [modelId]);
    if (!started) return 'failed';
    try {
      const labels = await this.labels();
      const weak = await this.weakNegatives(labels.length * WEAK_PER_DECISION);
      await this.progress(modelId, 20, report);
      const { model, reason } = trainInsultModel([...labels, ...weak]);
      if (!model) {
        await this.ds.query(
          `UPDATE learned_models SET status = 'no_model', progress = 100, labels = $2, positives = $3, error = $4, finished_at = now() WHERE id = $1`,
          [modelId, labels.length, labels.filter((l) => l.label).length, reason],
        );
        return 'no_model';
      }
      await this.progress(modelId, 60, report);
      const curve = learningCurve(
        labels,
        CURVE_SIZES.filter((s) => s <= labels.length * 0.8),
      );
      const [{ version }] = await this.ds.query(`SELECT version FROM learned_models WHERE id = $1`, [modelId]);
      const artifact = encodeModel({ ...model, curve, version });
      const lexiconPrecision = await this.lexiconPrecision(labels);
      // The version is stored and its auto-promotion decided in one transaction: nobody sees a finished version whose
      // promotion is still to come (a setting saved meanwhile would otherwise apply to it after the fact), and retrains
      // finishing at once (several workers; a scheduled one beside a manual one) decide one after the other.
      const promoted = await this.ds.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock($1)`, [PROMOTION_LOCK]);
        await m.query(
          `UPDATE learned_models SET status = 'shadow', progress = 100, labels = $2, positives = $3, threshold = $4, metrics = $5::jsonb,
                  curve = $6::jsonb, fingerprint = $7, artifact = $8::jsonb, weak_negatives = $9, finished_at = now() WHERE id = $1`,
          [modelId, model.cv.n, model.cv.positives, model.threshold, JSON.stringify({ ...model.cv, ngrams: topNgrams(model, labels) }), JSON.stringify(curve), model.fingerprint, JSON.stringify(artifact), weak.length],
        );
        return this.autoPromote(m, modelId, lexiconPrecision);
      });
      await report(100);
      return promoted ? 'promoted' : 'shadow';
    } catch (err) {
      this.logger.error(`retrain ${modelId} failed: ${(err as Error).message}`);
      await this.ds.query(`UPDATE learned_models SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [modelId, (err as Error).message]);
      return 'failed';
    }
  }

  private async progress(id: string, p: number, report: (progress: number) => Promise<void> | void): Promise<void> {
    await this.ds.query(`UPDATE learned_models SET progress = $2 WHERE id = $1`, [id, p]);
    await report(p);
  }

  /**
   * The auto-promotion setting (site_settings.learned_auto_promote, off by default): a freshly trained version is
   * promoted by the retrain itself when its cross-validated AUC is above the promoted version's (none promoted: the
   * lexicon's over the same decisions) and its cross-validated precision is not below that one's. Either way the
   * comparison is written on the version (`promotion_note`), and an automatic promotion has no `promoted_by`.
   * Runs inside the retrain's finishing transaction (`m`, holding PROMOTION_LOCK); the setting is read FOR SHARE, so
   * a save in flight applies wholly before or after this version.
   */
  private async autoPromote(m: EntityManager, id: string, lexiconPrecision: number): Promise<boolean> {
    const [s] = await m.query(`SELECT learned_auto_promote FROM site_settings WHERE id = 1 FOR SHARE`);
    if (!s?.learned_auto_promote) return false;
    const [cand] = await m.query(`SELECT version, metrics FROM learned_models WHERE id = $1`, [id]);
    const [cur] = await m.query(`SELECT version, metrics FROM learned_models WHERE task = 'insult' AND status = 'promoted'`);
    const c = cand.metrics as NonNullable<LearnedModelRecord['metrics']>;
    const base = cur
      ? { name: `v${cur.version}`, auc: cur.metrics.auc as number, precision: cur.metrics.precision as number }
      : { name: 'the lexicon', auc: c.lexiconAuc, precision: lexiconPrecision };
    const f = (x: number) => x.toFixed(3);
    const better = c.auc > base.auc && c.precision >= base.precision;
    const note =
      `${better ? 'auto-promoted' : 'not auto-promoted'} by the retrain: CV AUC ${f(c.auc)} ${c.auc > base.auc ? '>' : '≤'} ${f(base.auc)}, ` +
      `precision ${f(c.precision)} ${c.precision >= base.precision ? '≥' : '<'} ${f(base.precision)} (${base.name})`;
    if (!better) {
      await m.query(`UPDATE learned_models SET promotion_note = $2 WHERE id = $1`, [id, note]);
      return false;
    }
    await promoteIn(m, id, null, note);
    this.logger.log(`learned model v${cand.version} ${note}`);
    return true;
  }

  /** The lexicon's precision at its threshold over the decisions (auto-promotion's baseline with no version promoted). */
  private async lexiconPrecision(labels: readonly LabelledComment[]): Promise<number> {
    const [rule] = await this.ds.query(`SELECT config->>'threshold' AS t FROM rules WHERE type = 'insult' AND enabled AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
    const threshold = rule?.t == null ? 0.5 : Number(rule.t);
    const lex = labels.map((l) => l.lexicon);
    return metrics(lex, lex.map((x) => x >= threshold), labels.map((l) => l.label)).precision;
  }

  /** Decoded artifacts by version id (a model never changes once trained; two are kept: a candidate and the live one). */
  private readonly decoded = new Map<string, LearnedModel>();

  private async artifact(id: string): Promise<LearnedModel> {
    const hit = this.decoded.get(id);
    if (hit) return hit;
    const [row] = await this.ds.query(`SELECT version, artifact FROM learned_models WHERE id = $1`, [id]);
    const model = { ...decodeModel(row?.artifact), version: row?.version ?? null };
    if (this.decoded.size >= 2) this.decoded.delete(this.decoded.keys().next().value!);
    this.decoded.set(id, model);
    return model;
  }

  /**
   * Shadow agreement: the candidate version and the live insult decision (the site's insult rule with the promoted
   * version, or the lexicon alone at day 0), both run now by the worker's engine over the reader comments received in
   * the last `days` days (the `limit` most recent): how many the candidate would flag that the live decision does not,
   * and the reverse, with examples. Both sides are computed with today's rule config, so a config change since a
   * comment was triaged does not count as the model's doing.
   */
  async agreement(id: string, days: number = AGREEMENT_LIMITS.days.default, limit: number = AGREEMENT_LIMITS.limit.default): Promise<LearnedModelAgreement> {
    const candidate = await this.get(id);
    if (!['shadow', 'promoted', 'retired'].includes(candidate.status)) {
      throw new ConflictException(`learned model v${candidate.version} is ${candidate.status}: it has no model to compare`);
    }
    const [live] = (await this.ds.query(`SELECT id, version FROM learned_models WHERE task = 'insult' AND status = 'promoted'`)) as Array<{ id: string; version: number }>;
    const candidateRule = await this.lexicon({ insult: await this.artifact(id) });
    const liveRule = await this.lexicon(live ? { insult: await this.artifact(live.id) } : undefined);
    const rows: Array<StoredCommentRow & { id: string; status: AgreementExample['status']; a_title: string; a_subtitle: string | null; a_body: string | null }> = await this.ds.query(
      `SELECT c.id, c.title, c.body, c.author_name, c.author_id, c.received_at, c.article_id, c.status,
              a.title AS a_title, a.subtitle AS a_subtitle, a.body AS a_body, p.title AS p_title, p.body AS p_body, p.author_name AS p_author_name
         FROM comments c JOIN articles a ON a.id = c.article_id LEFT JOIN comments p ON p.id = c.parent_id
        WHERE c.author_role = 'reader' AND c.received_at > now() - make_interval(days => $1)
        ORDER BY c.received_at DESC, c.id LIMIT $2`,
      [days, limit],
    );
    const more: AgreementExample[] = [];
    const fewer: AgreementExample[] = [];
    let moreCount = 0;
    let fewerCount = 0;
    let both = 0;
    // The API serves other requests meanwhile: give them a turn every 50 ms of scoring.
    const turn = turnTaker();
    for (const r of rows) {
      await turn();
      const input = ruleInputOf(r, { title: r.a_title, subtitle: r.a_subtitle, body: r.a_body });
      const c = safely(candidateRule, input);
      const l = safely(liveRule, input);
      const cHit = c.score >= c.threshold;
      const lHit = l.score >= l.threshold;
      const example = (): AgreementExample => ({ id: r.id, excerpt: excerpt(r.body), status: r.status, candidateScore: c.score, liveScore: l.score });
      if (cHit && lHit) both++;
      else if (cHit && moreCount++ < AGREEMENT_EXAMPLES) more.push(example());
      else if (lHit && fewerCount++ < AGREEMENT_EXAMPLES) fewer.push(example());
    }
    return {
      modelId: id,
      version: candidate.version,
      liveVersion: live?.version ?? null,
      days,
      limit,
      comments: rows.length,
      bothFlag: both,
      neitherFlags: rows.length - both - moreCount - fewerCount,
      moreFlagged: { count: moreCount, examples: more },
      fewerFlagged: { count: fewerCount, examples: fewer },
      agreement: rows.length ? round((rows.length - moreCount - fewerCount) / rows.length) : 1,
      computedAt: new Date().toISOString(),
    };
  }

  /**
   * A person promotes a version: shadow|retired → promoted; the version promoted until now is retired. One
   * transaction under PROMOTION_LOCK, one promoted at most. (The retrain's own promotion: autoPromote.)
   */
  async promote(id: string, userId: string): Promise<LearnedModelRecord> {
    await this.get(id); // 404
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [PROMOTION_LOCK]);
      const [current] = await m.query(`SELECT version, status FROM learned_models WHERE id = $1`, [id]);
      if (!current) throw new NotFoundException(`learned model ${id} not found`);
      if (current.status !== 'shadow' && current.status !== 'retired') {
        throw new ConflictException(`learned model v${current.version} is ${current.status}: only a shadow or retired version can be promoted`);
      }
      await promoteIn(m, id, userId, null);
    });
    return this.get(id);
  }

  /**
   * Roll back: the promoted version is retired and the one promoted before it (if any) is promoted again; with none,
   * the site is back to the lexicon alone (day 0). Answers the version now promoted, or null.
   */
  async rollback(): Promise<LearnedModelRecord | null> {
    const id = await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [PROMOTION_LOCK]);
      const [cur] = await m.query(
        `WITH u AS (UPDATE learned_models SET status = 'retired' WHERE task = 'insult' AND status = 'promoted' RETURNING id, promoted_at) SELECT * FROM u`,
      );
      if (!cur) throw new ConflictException('no learned model is promoted: the site already runs on the lexicon alone');
      const [prev] = await m.query(
        `WITH u AS (UPDATE learned_models SET status = 'promoted', promoted_at = now()
          WHERE id = (SELECT id FROM learned_models WHERE task = 'insult' AND status = 'retired' AND id <> $1 AND promoted_at IS NOT NULL AND promoted_at < $2
                       ORDER BY promoted_at DESC LIMIT 1)
          RETURNING id) SELECT id FROM u`,
        [cur.id, cur.promoted_at],
      );
      return (prev?.id as string | undefined) ?? null;
    });
    return id ? this.get(id) : null;
  }
}

/**
 * Held (transaction-scoped) while a version's status changes to or from promoted: a retrain's finishing and
 * auto-promotion, a person's promotion, a rollback. They decide one after the other, each against what the one
 * before it left.
 */
const PROMOTION_LOCK = 0x51f7_1e4d;

/** shadow|retired → promoted inside `m`; the version promoted until now is retired. Recorded: who (null: the retrain) and why. */
async function promoteIn(m: EntityManager, id: string, userId: string | null, note: string | null): Promise<void> {
  await m.query(`UPDATE learned_models SET status = 'retired' WHERE task = 'insult' AND status = 'promoted'`);
  await m.query(`UPDATE learned_models SET status = 'promoted', promoted_at = now(), promoted_by = $2, promotion_note = $3 WHERE id = $1`, [id, userId, note]);
}

/** A rule that throws on a comment (it never should) flags nothing there: the worker records that as an error, not a hit. */
function safely(rule: (input: RuleInput) => { score: number; threshold: number }, input: RuleInput): { score: number; threshold: number } {
  try {
    return rule(input);
  } catch {
    return { score: 0, threshold: 1 };
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function toRecord(r: ModelRow): LearnedModelRecord {
  return {
    id: r.id,
    version: r.version,
    task: r.task,
    status: r.status,
    progress: r.progress,
    trigger: r.trigger,
    labels: r.labels,
    positives: r.positives,
    threshold: r.threshold,
    metrics: r.metrics,
    curve: r.curve ?? [],
    fingerprint: r.fingerprint,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    promotedAt: r.promoted_at?.toISOString() ?? null,
    promotedBy: r.promoted_by_name,
    promotionNote: r.promotion_note,
    weakNegatives: r.weak_negatives,
  };
}
