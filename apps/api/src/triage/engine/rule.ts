import type { Evidence, RuleType } from '@sift/shared';
import type { z } from 'zod';

/** What a rule sees: the comment with its article and the comment it answers. Plain data, no I/O. */
export interface RuleInput {
  comment: {
    title: string | null;
    body: string;
    authorName: string;
    authorId: string | null;
    receivedAt: Date;
  };
  article: { title: string; subtitle: string | null; body: string | null } | null;
  parent: { title: string | null; body: string; authorName: string } | null;
}

/**
 * A rule's verdict. The rule fires when `score >= threshold`; what the numbers measure is the rule type's own
 * (documented in its file). `evidence.summary` says why in one line.
 */
export interface RuleVerdict {
  score: number;
  threshold: number;
  evidence: Evidence;
}

/**
 * A rule type: a config schema and a pure function. `compile` runs once per rule version (build regexes, lexicons)
 * and returns the evaluator that runs per comment.
 */
export interface RuleDefinition<C> {
  type: RuleType;
  /** One line for admins: what this rule type catches. */
  description: string;
  schema: z.ZodType<C>;
  compile(config: C): (input: RuleInput) => RuleVerdict;
}

/** Text fields a rule may match in, with the names evidence spans use. */
export function commentFields(input: RuleInput): Array<{ field: 'title' | 'body'; text: string }> {
  const fields: Array<{ field: 'title' | 'body'; text: string }> = [];
  if (input.comment.title) fields.push({ field: 'title', text: input.comment.title });
  fields.push({ field: 'body', text: input.comment.body });
  return fields;
}
