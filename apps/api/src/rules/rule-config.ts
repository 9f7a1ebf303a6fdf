import type { BacktestSide, ConfigChange, ConfusionMatrix, RuleType, RuleTypeInfo } from '@sift/shared';
import { z } from 'zod';
import { RULE_DEFINITIONS, type RuleInput } from '@sift/triage-engine';

/**
 * Pure helpers of the rules admin: a config validated by its type's zod schema with errors per field, each type's
 * JSON Schema for the dashboard's form, a readable diff between two versions, and the backtest's scores.
 */

export type FieldErrors = Record<string, string[]>;

export type ConfigCheck = { ok: true; config: Record<string, unknown> } | { ok: false; fields: FieldErrors };

const definition = (type: string) => (RULE_DEFINITIONS as Record<string, (typeof RULE_DEFINITIONS)[RuleType] | undefined>)[type];

/**
 * Validate `config` for `type` (the zod schema the engine compiles with) and compile it once (a regex that compiles
 * in the schema may still be refused by the rule). Errors are keyed `config.<path>` (`prefix` changes `config`).
 * On success the config is returned as parsed, defaults filled in, so a stored version says every setting.
 */
export function checkConfig(type: string, config: unknown, prefix = 'config'): ConfigCheck {
  const def = definition(type);
  if (!def) return { ok: false, fields: { type: [`unknown rule type "${type}"`] } };
  const parsed = def.schema.safeParse(config);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = [prefix, ...issue.path.map(String)].join('.');
      (fields[key] ??= []).push(issue.message);
    }
    return { ok: false, fields };
  }
  try {
    def.compile(parsed.data);
  } catch (err) {
    return { ok: false, fields: { [prefix]: [`cannot compile: ${(err as Error).message}`] } };
  }
  return { ok: true, config: parsed.data as Record<string, unknown> };
}

/** One line per field error: `config.threshold: Too big: expected number to be <=1`. */
export function fieldMessage(fields: FieldErrors): string {
  return Object.entries(fields)
    .map(([f, msgs]) => `${f}: ${msgs.join(', ')}`)
    .join('; ');
}

/** Every rule type with its JSON Schema (the input side: fields with defaults are optional) and its defaults. */
export function ruleTypes(): RuleTypeInfo[] {
  return Object.values(RULE_DEFINITIONS).map((def) => {
    const schema = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const parsed = def.schema.safeParse({});
    const props = (schema.properties ?? {}) as Record<string, { default?: unknown }>;
    const defaults = parsed.success
      ? (parsed.data as Record<string, unknown>)
      : Object.fromEntries(Object.entries(props).filter(([, p]) => p.default !== undefined).map(([k, p]) => [k, p.default]));
    return {
      type: def.type,
      label: def.label,
      description: def.description,
      schema,
      defaults,
      usesHistory: def.historyMinutes !== undefined,
    };
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What changed between two values, by path; arrays of scalars are compared as sets (added / removed items). */
export function diffValues(before: unknown, after: unknown, path = ''): ConfigChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) return [{ path: p, kind: 'added' as const, after: after[k] }];
      if (!(k in after)) return [{ path: p, kind: 'removed' as const, before: before[k] }];
      return diffValues(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = (v: unknown) => JSON.stringify(v);
    const had = new Set(before.map(key));
    const has = new Set(after.map(key));
    return [
      ...after.filter((v) => !had.has(key(v))).map((v) => ({ path, kind: 'added' as const, after: v })),
      ...before.filter((v) => !has.has(key(v))).map((v) => ({ path, kind: 'removed' as const, before: v })),
    ];
  }
  return [{ path, kind: 'changed', before, after }];
}

export function emptyMatrix(): ConfusionMatrix {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/** Precision, recall and F1 of a matrix (null where the denominator is 0). */
export function score(matrix: ConfusionMatrix, errors: number): BacktestSide {
  const { truePositive: tp, falsePositive: fp, falseNegative: fn } = matrix;
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return {
    matrix,
    precision: precision === null ? null : round(precision),
    recall: recall === null ? null : round(recall),
    f1: f1 === null ? null : round(f1),
    errors,
  };
}

/** A stored comment with its parent's fields, as the backtest and the shadow agreement read it. */
export interface StoredCommentRow {
  title: string | null;
  body: string;
  author_name: string;
  author_id: string | null;
  received_at: Date;
  article_id: string;
  p_title: string | null;
  p_body: string | null;
  p_author_name: string | null;
}

/** What the engine sees of a stored comment (no thread, no author history: the rules that need them are not replayed). */
export function ruleInputOf(r: StoredCommentRow, article: RuleInput['article']): RuleInput {
  return {
    comment: { title: r.title, body: r.body, authorName: r.author_name, authorId: r.author_id, receivedAt: r.received_at, articleId: r.article_id },
    article,
    parent: r.p_body !== null ? { title: r.p_title, body: r.p_body, authorName: r.p_author_name ?? '' } : null,
  };
}

/** Long rule work in a shared process: `await turn()` in the loop gives other jobs and requests a turn every 50 ms. */
export function turnTaker(): () => Promise<void> {
  let slice = performance.now();
  return async () => {
    if (performance.now() - slice > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  };
}
