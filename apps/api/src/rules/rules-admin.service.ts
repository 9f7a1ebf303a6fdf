import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ConfigChange,
  RuleAdminRecord,
  RuleQuality,
  RuleSaveRequest,
  RuleTestRequest,
  RuleTestResponse,
  RuleType,
  RuleTypeInfo,
  RuleVersionRecord,
} from '@sift/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { compileRule, decide, type RuleInput, type RuleSpec, runRules, type RunBudget } from '@sift/triage-engine';
import { checkConfig, diffValues, type FieldErrors, fieldMessage, ruleTypes } from './rule-config.js';

interface RuleRow {
  id: string;
  name: string;
  type: RuleType;
  config: Record<string, unknown>;
  action: 'flag' | 'hide';
  mode: 'live' | 'shadow';
  enabled: boolean;
  severity: number;
  version: number;
  auto_demote: boolean;
  updated_at: Date;
  deleted_at: Date | null;
}

/** The fields a version snapshots (everything an admin edits). */
type Editable = Pick<RuleRow, 'name' | 'config' | 'action' | 'mode' | 'enabled' | 'severity' | 'auto_demote'>;

export function badFields(fields: FieldErrors): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: fieldMessage(fields), fields });
}

/** `h.to_status`: the latest approve or hide a person made on flag `f`'s comment (none: NULL). */
const LAST_HUMAN_DECISION = `LEFT JOIN LATERAL (
      SELECT e.to_status FROM moderation_events e
       WHERE e.comment_id = f.comment_id AND e.actor_type = 'user' AND e.to_status IN ('approved', 'hidden')
       ORDER BY e.created_at DESC LIMIT 1) h ON true`;

/**
 * Per rule over the last 7 days: hits (live and shadow), live hits a moderator then decided, and how many of those
 * they approved anyway (the override rate). "Decided" = the comment's latest status change by a person.
 */
const STATS_SQL = `
  SELECT f.rule_id,
         count(*)::int AS hits,
         count(*) FILTER (WHERE f.mode = 'live' AND h.to_status IS NOT NULL)::int AS decided,
         count(*) FILTER (WHERE f.mode = 'live' AND h.to_status = 'approved')::int AS approved
    FROM triage_flags f
    JOIN triage_decisions d ON d.id = f.decision_id
    ${LAST_HUMAN_DECISION}
   WHERE f.outcome = 'hit' AND d.created_at > now() - interval '7 days'
   GROUP BY f.rule_id`;

/** Rules administration: list with quality, versioned saves with field errors, rollback, the tester, quality. */
@Injectable()
export class RulesAdminService {
  /** The tester runs in the API: the same time budget as the worker (RULE_RUN_BUDGET_MS), so it says the same. */
  private readonly budget: RunBudget;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.budget = { ms: config.triage.ruleBudgetMs, now: () => performance.now() };
  }

  types(): RuleTypeInfo[] {
    return ruleTypes();
  }

  async settings(m: EntityManager = this.ds.manager): Promise<{ autoApprove: boolean; preModerate: boolean; warnRate: number; minDecided: number }> {
    const [s] = await m.query(
      `SELECT auto_approve, pre_moderate, override_warn_rate, override_min_decided FROM site_settings WHERE id = 1`,
    );
    return { autoApprove: s.auto_approve, preModerate: s.pre_moderate, warnRate: Number(s.override_warn_rate), minDecided: s.override_min_decided };
  }

  async list(): Promise<RuleAdminRecord[]> {
    const [rows, stats, settings] = await Promise.all([
      this.ds.query(`SELECT * FROM rules WHERE deleted_at IS NULL ORDER BY created_at, id`) as Promise<RuleRow[]>,
      this.ds.query(STATS_SQL) as Promise<Array<{ rule_id: string; hits: number; decided: number; approved: number }>>,
      this.settings(),
    ]);
    const byRule = new Map(stats.map((s) => [s.rule_id, s]));
    return rows.map((r) => toAdminRecord(r, byRule.get(r.id), settings));
  }

  async get(id: string): Promise<RuleAdminRecord> {
    const row = await this.row(this.ds.manager, id);
    const stats: Array<{ rule_id: string; hits: number; decided: number; approved: number }> = await this.ds.query(
      `SELECT * FROM (${STATS_SQL}) s WHERE s.rule_id = $1`,
      [id],
    );
    return toAdminRecord(row, stats[0], await this.settings());
  }

  private async row(m: EntityManager, id: string, lock = false): Promise<RuleRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException(`rule ${id} not found`);
    const [row]: RuleRow[] = await m.query(`SELECT * FROM rules WHERE id = $1 AND deleted_at IS NULL${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw new NotFoundException(`rule ${id} not found`);
    return row;
  }

  async create(req: RuleSaveRequest, userId: string): Promise<RuleAdminRecord> {
    const checked = checkConfig(req.type, req.config);
    if (!checked.ok) throw badFields(checked.fields);
    const id = await this.ds.transaction(async (m) => {
      const [row]: RuleRow[] = await m.query(
        `INSERT INTO rules (name, type, config, action, mode, enabled, severity, auto_demote)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8) RETURNING *`,
        [req.name, req.type, JSON.stringify(checked.config), req.action, req.mode ?? 'live', req.enabled ?? true, req.severity ?? 1, req.autoDemote ?? false],
      );
      await this.snapshot(m, row, userId, null);
      return row.id;
    });
    return this.get(id);
  }

  /** A save: validated first (no version on failure), then a new version; a stale `version` is a 409. */
  async update(id: string, req: Partial<RuleSaveRequest>, userId: string | null, note: string | null = null): Promise<RuleAdminRecord> {
    await this.ds.transaction(async (m) => {
      const current = await this.row(m, id, true);
      if (req.type !== undefined && req.type !== current.type) throw badFields({ type: ['the type of a rule cannot change; create a new rule'] });
      if (req.version !== undefined && req.version !== current.version) {
        throw new ConflictException(`the rule was saved meanwhile (now version ${current.version}, you edited version ${req.version}); reload`);
      }
      const next: Editable = {
        name: req.name ?? current.name,
        config: current.config,
        action: req.action ?? current.action,
        mode: req.mode ?? current.mode,
        enabled: req.enabled ?? current.enabled,
        severity: req.severity ?? current.severity,
        auto_demote: req.autoDemote ?? current.auto_demote,
      };
      if (req.config !== undefined) {
        const checked = checkConfig(current.type, req.config);
        if (!checked.ok) throw badFields(checked.fields);
        next.config = checked.config;
      }
      await this.save(m, current, next, userId, note);
    });
    return this.get(id);
  }

  /** Write `next` as a new version of `current` (no version when nothing changed). */
  async save(m: EntityManager, current: RuleRow, next: Editable, userId: string | null, note: string | null): Promise<void> {
    if (changesBetween(current, next).length === 0) return;
    const [row]: RuleRow[] = await m.query(
      `WITH u AS (
         UPDATE rules SET name = $2, config = $3::jsonb, action = $4, mode = $5, enabled = $6, severity = $7, auto_demote = $8,
                version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING *)
       SELECT * FROM u`,
      [current.id, next.name, JSON.stringify(next.config), next.action, next.mode, next.enabled, next.severity, next.auto_demote],
    );
    await this.snapshot(m, row, userId, note);
  }

  private async snapshot(m: EntityManager, r: RuleRow, userId: string | null, note: string | null): Promise<void> {
    await m.query(
      `INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity, auto_demote, note, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12)`,
      [r.id, r.version, r.name, r.type, JSON.stringify(r.config), r.action, r.mode, r.enabled, r.severity, r.auto_demote, note, userId],
    );
  }

  /** Soft delete: the rule stops running and leaves the list; its versions and past flags stay. */
  async remove(id: string): Promise<{ id: string }> {
    await this.ds.transaction(async (m) => {
      await this.row(m, id, true);
      await m.query(`UPDATE rules SET deleted_at = now(), updated_at = now() WHERE id = $1`, [id]);
    });
    return { id };
  }

  async versions(id: string): Promise<RuleVersionRecord[]> {
    await this.row(this.ds.manager, id);
    const rows: Array<RuleRow & { note: string | null; created_at: Date; created_by: string | null; user_name: string | null }> = await this.ds.query(
      `SELECT v.*, u.name AS user_name FROM rule_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.rule_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return rows.map((v, i) => {
      const prev = rows[i + 1];
      return {
        version: v.version,
        name: v.name,
        type: v.type,
        config: v.config,
        action: v.action,
        mode: v.mode,
        enabled: v.enabled,
        severity: v.severity,
        createdAt: new Date(v.created_at).toISOString(),
        createdBy: v.created_by ? { id: v.created_by, name: v.user_name ?? 'unknown' } : null,
        note: v.note,
        changes: prev ? changesBetween(prev, v) : [],
      };
    });
  }

  /** Roll back = save an old version's settings as the newest version (the old versions stay as they were). */
  async rollback(id: string, version: number, userId: string, note: string | null = null): Promise<RuleAdminRecord> {
    await this.ds.transaction(async (m) => {
      const current = await this.row(m, id, true);
      const [old]: RuleRow[] = await m.query(`SELECT * FROM rule_versions WHERE rule_id = $1 AND version = $2`, [id, version]);
      if (!old) throw new NotFoundException(`rule ${id} has no version ${version}`);
      const checked = checkConfig(current.type, old.config);
      if (!checked.ok) throw badFields(checked.fields);
      await this.save(
        m,
        current,
        { name: old.name, config: checked.config, action: old.action, mode: old.mode, enabled: current.enabled, severity: old.severity, auto_demote: old.auto_demote },
        userId,
        note ? `rolled back to v${version}: ${note}` : `rolled back to v${version}`,
      );
    });
    return this.get(id);
  }

  /**
   * The tester: the same pure engine the worker runs, over a pasted comment, with the drafts given (or the saved
   * enabled rules). No author history and no thread: history rules judge the comment alone.
   */
  async test(req: RuleTestRequest): Promise<RuleTestResponse> {
    let specs: RuleSpec[];
    if (req.rules) {
      const fields: FieldErrors = {};
      specs = req.rules.map((d, i) => {
        const checked = checkConfig(d.type, d.config, `rules.${i}.config`);
        if (!checked.ok) Object.assign(fields, checked.fields);
        return {
          id: d.id ?? `draft-${i}`,
          name: d.name ?? `Draft ${d.type}`,
          type: d.type,
          version: 0,
          action: d.action ?? 'flag',
          mode: d.mode ?? 'live',
          severity: d.severity ?? 1,
          config: checked.ok ? checked.config : d.config,
        };
      });
      if (Object.keys(fields).length) throw badFields(fields);
    } else {
      const rows: RuleRow[] = await this.ds.query(`SELECT * FROM rules WHERE enabled AND deleted_at IS NULL ORDER BY created_at, id`);
      specs = rows.map((r) => ({ id: r.id, name: r.name, type: r.type, version: r.version, action: r.action, mode: r.mode, severity: r.severity, config: r.config }));
    }
    const input: RuleInput = {
      comment: { title: req.comment.title ?? null, body: req.comment.body, authorName: 'Tester', authorId: null, receivedAt: new Date() },
      article: req.article ? { title: req.article.title ?? '', subtitle: null, body: req.article.body ?? null } : null,
      parent: req.parent ? { title: null, body: req.parent.body, authorName: 'Reader' } : null,
    };
    const outcomes = runRules(specs.map((s) => compileRule(s)), input, this.budget);
    const s = await this.settings();
    const verdict = decide(outcomes, { autoApprove: s.autoApprove, preModerate: s.preModerate });
    return {
      status: verdict.status,
      results: outcomes.map((o) => ({
        ruleId: req.rules && !req.rules[specs.indexOf(o.rule)]?.id ? null : o.rule.id,
        name: o.rule.name,
        type: o.rule.type as RuleType,
        version: o.rule.version || null,
        action: o.rule.action,
        mode: o.rule.mode,
        outcome: o.outcome,
        score: o.score,
        threshold: o.threshold,
        evidence: o.evidence,
      })),
    };
  }

  /** Hits per day (30 days) with the moderators' decisions on them; for shadow rules, what it would have done. */
  async quality(id: string): Promise<RuleQuality> {
    const rule = await this.row(this.ds.manager, id);
    const days: Array<{ day: string; hits: number; approved: number; hidden: number }> = await this.ds.query(
      `SELECT to_char(g.day, 'YYYY-MM-DD') AS day, coalesce(x.hits, 0)::int AS hits, coalesce(x.approved, 0)::int AS approved,
              coalesce(x.hidden, 0)::int AS hidden
         FROM generate_series(date_trunc('day', now()) - interval '29 days', date_trunc('day', now()), interval '1 day') g(day)
         LEFT JOIN (
           SELECT date_trunc('day', d.created_at) AS day, count(*) AS hits,
                  count(*) FILTER (WHERE h.to_status = 'approved') AS approved,
                  count(*) FILTER (WHERE h.to_status = 'hidden') AS hidden
             FROM triage_flags f
             JOIN triage_decisions d ON d.id = f.decision_id
             ${LAST_HUMAN_DECISION}
            WHERE f.rule_id = $1 AND f.outcome = 'hit' AND d.created_at > now() - interval '30 days'
            GROUP BY 1) x ON x.day = g.day
        ORDER BY g.day`,
      [id],
    );
    const examples: Array<{ id: string; body: string; status: string; actor: 'user' | 'rule' | null }> = await this.ds.query(
      `SELECT c.id, c.body, c.status,
              (SELECT e.actor_type FROM moderation_events e WHERE e.comment_id = c.id AND e.to_status IS NOT NULL AND e.from_status IS NOT NULL
                ORDER BY e.created_at DESC LIMIT 1) AS actor
         FROM triage_flags f JOIN comments c ON c.id = f.comment_id JOIN triage_decisions d ON d.id = f.decision_id
        WHERE f.rule_id = $1 AND f.outcome = 'hit' AND f.mode = 'shadow'
        ORDER BY d.created_at DESC LIMIT 20`,
      [id],
    );
    const hits = days.reduce((n, d) => n + d.hits, 0);
    const approved = days.reduce((n, d) => n + d.approved, 0);
    const hidden = days.reduce((n, d) => n + d.hidden, 0);
    return {
      ruleId: id,
      mode: rule.mode,
      action: rule.action,
      days: days.map((d) => ({ ...d, overrideRate: d.approved + d.hidden > 0 ? round(d.approved / (d.approved + d.hidden)) : null })),
      totals: { hits, approved, hidden, undecided: hits - approved - hidden, overrideRate: approved + hidden > 0 ? round(approved / (approved + hidden)) : null },
      shadowExamples: examples.map((e) => ({ id: e.id, excerpt: excerpt(e.body), status: e.status as never, decidedBy: e.actor })),
    };
  }

  /**
   * Quality watch: every live `hide` rule with auto-demote on whose 7-day override rate is above the site's level
   * drops to `flag`, as a new version noted "auto-demoted". Returns the demoted rule ids.
   */
  async watchQuality(): Promise<string[]> {
    const demoted: string[] = [];
    for (const r of await this.list()) {
      if (!(r.overrideWarning && r.autoDemote && r.action === 'hide' && r.mode === 'live' && r.enabled)) continue;
      await this.update(r.id, { action: 'flag' }, null, `auto-demoted: 7-day override rate ${Math.round((r.overrideRate7d ?? 0) * 100)} % over ${r.decided7d} decided hits`);
      demoted.push(r.id);
    }
    return demoted;
  }
}

const round = (n: number) => Math.round(n * 10000) / 10000;

export function excerpt(body: string, n = 160): string {
  return body.length > n ? `${body.slice(0, n - 1)}…` : body;
}

function changesBetween(before: Editable, after: Editable): ConfigChange[] {
  const top = (['name', 'action', 'mode', 'enabled', 'severity', 'auto_demote'] as const).flatMap((k) =>
    before[k] === after[k] ? [] : [{ path: k === 'auto_demote' ? 'autoDemote' : k, kind: 'changed' as const, before: before[k], after: after[k] }],
  );
  return [...top, ...diffValues(before.config, after.config, 'config')];
}

function toAdminRecord(
  r: RuleRow,
  s: { hits: number; decided: number; approved: number } | undefined,
  settings: { warnRate: number; minDecided: number },
): RuleAdminRecord {
  const decided = s?.decided ?? 0;
  const rate = decided > 0 ? round((s?.approved ?? 0) / decided) : null;
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    config: r.config,
    action: r.action,
    mode: r.mode,
    enabled: r.enabled,
    severity: r.severity,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    hits7d: s?.hits ?? 0,
    decided7d: decided,
    overrideRate7d: rate,
    overrideWarning: r.mode === 'live' && rate !== null && decided >= settings.minDecided && rate > settings.warnRate,
    autoDemote: r.auto_demote,
  };
}
