import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';

/**
 * `length`: a body shorter than `minChars` or longer than `maxChars` (after trimming).
 * Score: 1 when outside the range, else 0. Threshold: 1.
 */
export const lengthConfigSchema = z
  .object({
    minChars: z.number().int().min(0).max(10_000).default(0).describe('Comments shorter than this many characters fire the rule (0: no minimum).'),
    maxChars: z.number().int().min(1).max(10_000).default(5_000).describe('Comments longer than this many characters fire the rule.'),
  })
  .refine((c) => c.minChars < c.maxChars, { message: 'must be greater than minChars', path: ['maxChars'] });
export type LengthConfig = z.infer<typeof lengthConfigSchema>;

export const lengthRule: RuleDefinition<LengthConfig> = {
  type: 'length',
  label: 'Length',
  description: 'Too short or too long.',
  schema: lengthConfigSchema,
  compile(config) {
    return (input) => {
      const n = [...input.comment.body.trim()].length;
      const out = n < config.minChars ? 'short' : n > config.maxChars ? 'long' : null;
      return {
        score: out ? 1 : 0,
        threshold: 1,
        evidence: {
          summary: out === 'short' ? `${n} characters (fewer than ${config.minChars})` : out === 'long' ? `${n} characters (more than ${config.maxChars})` : `${n} characters`,
          length: n,
        },
      };
    };
  },
};
