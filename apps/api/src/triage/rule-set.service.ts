import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleAction, RuleMode } from '@sift/shared';
import { type CompiledRule, compileRule, decodeModel, type LearnedModel } from '@sift/triage-engine';
import { DataSource } from 'typeorm';

/** The promoted learned insult model's version (learned_models, owned by rules/), null when the site runs day 0. */
const PROMOTED_MODEL_SQL = `(SELECT version FROM learned_models WHERE task = 'insult' AND status = 'promoted')`;

/**
 * Changes whenever an active rule is added, removed, enabled, disabled or saved (every save bumps `version`;
 * `updated_at` catches the rest), and when a learned model is promoted or rolled back: read with every comment,
 * so a worker picks up a promotion with its next comment.
 */
export const RULES_FINGERPRINT_SQL = `((SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '')
   FROM rules WHERE enabled AND deleted_at IS NULL) || ':m' || coalesce(${PROMOTED_MODEL_SQL}, 0))`;

/** A row of the `rules` table (owned by the rules feature; read here, never written). */
interface RuleRow {
  id: string;
  name: string;
  type: string;
  version: number;
  action: RuleAction;
  mode: RuleMode;
  severity: number;
  config: unknown;
}

/**
 * The rule set a worker runs: every enabled rule, compiled by the engine. Compiled rules are cached per
 * `id@version`, so a save takes effect on the next comment.
 */
@Injectable()
export class RuleSetService {
  private readonly compiled = new Map<string, CompiledRule>();
  private readonly logger = new Logger(RuleSetService.name);
  private model: LearnedModel | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private last: { fingerprint: string; rules: CompiledRule[] } | null = null;
  private loading: { fingerprint: string; rules: Promise<CompiledRule[]> } | null = null;

  /**
   * The active rules when the caller already knows the rule set's fingerprint (`RULES_FINGERPRINT_SQL`, read in the
   * same query as the comment): no reload while it is unchanged.
   */
  async activeRulesFor(fingerprint: string): Promise<CompiledRule[]> {
    if (this.last?.fingerprint === fingerprint) return this.last.rules;
    // Jobs running at once that find a new fingerprint share one read (not one each).
    let loading = this.loading;
    if (loading?.fingerprint !== fingerprint) {
      const next = { fingerprint, rules: this.activeRules() };
      this.loading = loading = next;
      next.rules.then(
        (rules) => {
          if (this.loading === next) this.loading = null;
          this.last = { fingerprint, rules };
        },
        () => {
          if (this.loading === next) this.loading = null;
        },
      );
    }
    return loading.rules;
  }

  /** Every enabled rule (live and shadow), compiled, in a stable order; the insult rule with the promoted model. */
  async activeRules(): Promise<CompiledRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT id, name, type, version, action, mode, severity, config FROM rules
        WHERE enabled AND deleted_at IS NULL ORDER BY created_at, id`,
    );
    const model = await this.promotedModel();
    const live = new Set<string>();
    const result = rows.map((r) => {
      const learns = r.type === 'insult' && model !== null;
      const key = `${r.id}@${r.version}${learns ? `#m${model.version}` : ''}`;
      live.add(key);
      let c = this.compiled.get(key);
      if (!c) {
        c = compileRule(r, learns ? { insult: model } : undefined);
        this.compiled.set(key, c);
      }
      return c;
    });
    for (const key of this.compiled.keys()) if (!live.has(key)) this.compiled.delete(key);
    return result;
  }

  /** The promoted model, decoded once per version (its artifact is read only when the version changes). */
  private async promotedModel(): Promise<LearnedModel | null> {
    const [row] = await this.dataSource.query(`SELECT ${PROMOTED_MODEL_SQL} AS version`);
    const version: number | null = row?.version ?? null;
    if (version === null) return (this.model = null);
    if (this.model?.version === version) return this.model;
    const [a] = await this.dataSource.query(`SELECT artifact FROM learned_models WHERE version = $1`, [version]);
    try {
      this.model = { ...decodeModel(a?.artifact), version };
    } catch (err) {
      // A damaged artifact must not stop triage: the lexicon decides alone (day 0) and the log says why.
      this.logger.error(`learned model v${version} not loaded: ${(err as Error).message}; the insult rule runs on the lexicon alone`);
      this.model = null;
    }
    return this.model;
  }
}
