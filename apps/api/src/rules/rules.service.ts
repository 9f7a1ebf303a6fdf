import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { type CompiledRule, compileRule } from '@sift/triage-engine';
import { RuleEntity } from './rule.entity.js';

/**
 * Changes whenever an active rule is added, removed, enabled, disabled or saved (every save bumps `version`;
 * `updated_at` catches the rest).
 */
export const RULES_FINGERPRINT_SQL = `(SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '')
   FROM rules WHERE enabled AND deleted_at IS NULL)`;

/** Reads the rule set. Compiled rules are cached per `id@version`, so a save takes effect on the next comment. */
@Injectable()
export class RulesService {
  private readonly compiled = new Map<string, CompiledRule>();

  constructor(@InjectRepository(RuleEntity) private readonly rules: Repository<RuleEntity>) {}

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
    const rows = await this.rules.find({
      where: { enabled: true, deletedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const live = new Set<string>();
    const result = rows.map((r) => {
      const key = `${r.id}@${r.version}`;
      live.add(key);
      let c = this.compiled.get(key);
      if (!c) {
        c = compileRule({
          id: r.id,
          name: r.name,
          type: r.type,
          version: r.version,
          action: r.action,
          mode: r.mode,
          severity: r.severity,
          config: r.config,
        });
        this.compiled.set(key, c);
      }
      return c;
    });
    for (const key of this.compiled.keys()) if (!live.has(key)) this.compiled.delete(key);
    return result;
  }
}
