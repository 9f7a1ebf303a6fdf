import type { CommentStatus, Evidence, RuleAction, RuleMode, RuleType } from '@sift/shared';
import { RULE_DEFINITIONS } from './registry.js';
import { type RuleClock, type RuleInput, RuleOverBudget, type RuleVerdict, type SiteModels } from '../contract/rule.js';

/** A rule as stored (one version of it). */
export interface RuleSpec {
  id: string;
  name: string;
  type: string;
  version: number;
  action: RuleAction;
  mode: RuleMode;
  severity: number;
  config: unknown;
}

/** A rule ready to run: its config validated and compiled once, or the reason it cannot run. */
export interface CompiledRule {
  spec: RuleSpec;
  evaluate: ((input: RuleInput, clock?: RuleClock) => RuleVerdict) | null;
  compileError: string | null;
  /** Minutes of author history the rule reads (0: none). */
  historyMinutes: number;
}

export type RuleOutcomeKind = 'hit' | 'pass' | 'error';

export interface RuleOutcome {
  rule: RuleSpec;
  outcome: RuleOutcomeKind;
  score: number;
  threshold: number;
  evidence: Evidence;
}

/** Compile one rule version; `site` carries the site's learned models (the insult rule stacks its model with the lexicon). */
export function compileRule(spec: RuleSpec, site?: SiteModels): CompiledRule {
  const def = (RULE_DEFINITIONS as Record<string, (typeof RULE_DEFINITIONS)[RuleType] | undefined>)[spec.type];
  if (!def) return { spec, evaluate: null, compileError: `unknown rule type "${spec.type}"`, historyMinutes: 0 };
  const parsed = def.schema.safeParse(spec.config);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
    return { spec, evaluate: null, compileError: `invalid config: ${msg}`, historyMinutes: 0 };
  }
  try {
    const historyMinutes = def.historyMinutes?.(parsed.data) ?? 0;
    return { spec, evaluate: def.compile(parsed.data, site), compileError: null, historyMinutes };
  } catch (err) {
    return { spec, evaluate: null, compileError: `cannot compile: ${(err as Error).message}`, historyMinutes: 0 };
  }
}

/**
 * A time budget for one comment's whole rule run. The engine reads no clock of its own: the caller passes one
 * (`performance.now` in the worker and the API; a fake in specs).
 */
export interface RunBudget {
  /** Milliseconds all the rules together may take for one comment. */
  ms: number;
  /** A monotonic clock in milliseconds. */
  now: () => number;
}

/**
 * Run every rule over one comment. A rule that cannot run, or throws, is an `error` outcome with its message:
 * never a silent pass, never a silent match. With a budget, the rule during which the budget ran out, and every
 * rule after it, are `error` outcomes too (`evidence.overBudget`), so the comment waits for a person.
 */
export function runRules(rules: readonly CompiledRule[], input: RuleInput, budget?: RunBudget): RuleOutcome[] {
  const started = budget ? budget.now() : 0;
  const clock: RuleClock | undefined = budget && { expired: () => budget.now() - started > budget.ms };
  return rules.map(({ spec, evaluate, compileError }) => {
    if (!evaluate) return errorOutcome(spec, compileError ?? 'not compiled');
    if (clock?.expired()) return overBudget(spec, budget!, `not run: the rules before it used up this comment's time budget (${budget!.ms} ms)`);
    try {
      const v = evaluate(input, clock);
      if (clock?.expired()) return overBudget(spec, budget!, `over this comment's time budget (${budget!.ms} ms); the rules took ${Math.round(budget!.now() - started)} ms`);
      if (!Number.isFinite(v.score) || !Number.isFinite(v.threshold)) {
        return errorOutcome(spec, `rule returned a non-finite score (${v.score}) or threshold (${v.threshold})`);
      }
      return { rule: spec, outcome: v.score >= v.threshold ? 'hit' : 'pass', ...v };
    } catch (err) {
      if (err instanceof RuleOverBudget) return overBudget(spec, budget!, `stopped: over this comment's time budget (${budget?.ms} ms)`);
      return errorOutcome(spec, `rule threw: ${(err as Error).message}`);
    }
  });
}

function errorOutcome(rule: RuleSpec, message: string): RuleOutcome {
  return { rule, outcome: 'error', score: 0, threshold: 0, evidence: { summary: message, error: message } };
}

function overBudget(rule: RuleSpec, budget: RunBudget, message: string): RuleOutcome {
  const outcome = errorOutcome(rule, message);
  outcome.evidence.overBudget = true;
  outcome.evidence.budgetMs = budget.ms;
  return outcome;
}

export interface SiteModeration {
  autoApprove: boolean;
  /** Site-wide or per-article pre-moderation: nothing is approved without a human. */
  preModerate: boolean;
  /** The author is on the trusted list: approved when no rule fires, even if pre-moderation or auto-approve-off would hold it. */
  trustedAuthor?: boolean;
}

export interface TriageOutcome {
  status: CommentStatus;
  priority: number;
}

/**
 * The triage step of the lifecycle (docs/semantics.md): a live `hide` hit hides; a live `flag` hit flags; otherwise the comment is
 * approved when auto-approve is on, nothing errored and the article is not pre-moderated (or the author is trusted
 * and nothing errored) — else it waits (pending).
 * Shadow rules never change the status. Priority = Σ severity × min(score / threshold, 3) over live hits.
 */
export function decide(outcomes: readonly RuleOutcome[], site: SiteModeration): TriageOutcome {
  const live = outcomes.filter((o) => o.rule.mode === 'live');
  const hits = live.filter((o) => o.outcome === 'hit');
  const priority = hits.reduce(
    (sum, o) => sum + o.rule.severity * Math.min(o.threshold > 0 ? o.score / o.threshold : 1, 3),
    0,
  );
  const round = Math.round(priority * 1000) / 1000;
  if (hits.some((o) => o.rule.action === 'hide')) return { status: 'hidden', priority: round };
  if (hits.length > 0) return { status: 'flagged', priority: round };
  const errored = live.some((o) => o.outcome === 'error');
  if (!errored && (site.trustedAuthor || (site.autoApprove && !site.preModerate))) return { status: 'approved', priority: 0 };
  return { status: 'pending', priority: errored ? 1 : 0 };
}
