import type { EvidenceSpan } from '@sift/shared';
import { z } from 'zod';
import { commentFields, type RuleDefinition } from '../contract/rule.js';

/**
 * `shouting`: a long enough comment written mostly in capitals.
 * Score: the share of upper-case letters among cased letters (0..1). Threshold: `maxCapsRatio`.
 * Comments with fewer than `minLetters` cased letters never fire ("OK", "NATO agrees").
 */
export const shoutingConfigSchema = z.object({
  maxCapsRatio: z.number().min(0.3).max(1).default(0.7).describe('Share of capital letters (0.3–1) above which a comment is shouting: 0.7 = 70 % of its letters.'),
  minLetters: z.number().int().min(1).max(10_000).default(20).describe('Comments with fewer letters than this are never shouting ("OK", "NO WAY").'),
});
export type ShoutingConfig = z.infer<typeof shoutingConfigSchema>;

const UPPER = /\p{Lu}/u;
const CASED = /[\p{Lu}\p{Ll}]/u;
/** Runs of two or more all-capital words (of 3+ letters): what a moderator sees highlighted. */
const SHOUTED_RUN = /\b\p{Lu}{3,}(?:[\s,.!?'-]+\p{Lu}{2,})+\b|\b\p{Lu}{5,}\b/gu;

export const shoutingRule: RuleDefinition<ShoutingConfig> = {
  type: 'shouting',
  label: 'Shouting (capitals)',
  description: 'Written mostly in capitals.',
  schema: shoutingConfigSchema,
  compile(config) {
    return (input) => {
      let upper = 0;
      let cased = 0;
      const fields = commentFields(input);
      for (const { text } of fields) {
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c < 128) {
            if (c >= 65 && c <= 90) {
              upper++;
              cased++;
            } else if (c >= 97 && c <= 122) {
              cased++;
            }
          } else if (CASED.test(text[i])) {
            cased++;
            if (UPPER.test(text[i])) upper++;
          }
        }
      }
      const ratio = cased >= config.minLetters ? upper / cased : 0;
      // The shouted runs are only looked for when the rule fires (they are the evidence a moderator sees).
      const spans: EvidenceSpan[] = [];
      if (ratio >= config.maxCapsRatio) {
        for (const { field, text } of fields) {
          for (const m of text.matchAll(SHOUTED_RUN)) {
            spans.push({ field, start: m.index, end: m.index + m[0].length, text: m[0], label: 'capitals' });
          }
        }
      }
      const pct = Math.round(ratio * 100);
      return {
        score: ratio,
        threshold: config.maxCapsRatio,
        evidence: {
          summary: cased < config.minLetters ? `too short to judge (${cased} letters)` : `${pct}% capitals`,
          spans,
          capsRatio: Math.round(ratio * 1000) / 1000,
        },
      };
    };
  },
};
