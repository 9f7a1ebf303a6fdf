import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleAction, RuleMode } from '@sift/shared';
import { type CompiledRule, compileRule } from '@sift/triage-engine';
import { DataSource } from 'typeorm';

/**
 * Changes whenever an active rule is added, removed, enabled, disabled or saved (every save bumps `version`;
 * `updated_at` catches the rest).
 */
export const RULES_FINGERPRINT_SQL = `(SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '')
   FROM rules WHERE enabled AND deleted_at IS NULL)`;

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

  /** Every enabled rule (live and shadow), compiled, in a stable order. */
  async activeRules(): Promise<CompiledRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT id, name, type, version, action, mode, severity, config FROM rules
        WHERE enabled AND deleted_at IS NULL ORDER BY created_at, id`,
    );
    const live = new Set<string>();
    const result = rows.map((r) => {
      const key = `${r.id}@${r.version}`;
      live.add(key);
      let c = this.compiled.get(key);
      if (!c) {
        c = compileRule(r);
        this.compiled.set(key, c);
      }
      return c;
    });
    for (const key of this.compiled.keys()) if (!live.has(key)) this.compiled.delete(key);
    return result;
  }
}
