import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { type CompiledRule, compileRule } from '../triage/engine/engine.js';
import { RuleEntity } from './rule.entity.js';

/** Reads the rule set. Compiled rules are cached per `id@version`, so a save takes effect on the next comment. */
@Injectable()
export class RulesService {
  private readonly compiled = new Map<string, CompiledRule>();

  constructor(@InjectRepository(RuleEntity) private readonly rules: Repository<RuleEntity>) {}

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
