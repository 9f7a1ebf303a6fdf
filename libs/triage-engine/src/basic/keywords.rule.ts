import type { EvidenceSpan } from '@sift/shared';
import { z } from 'zod';
import { commentFields, type RuleDefinition } from '../contract/rule.js';

/**
 * `keywords`: admin-listed words, phrases and regular expressions.
 * Terms match case-insensitively on whole words only ("Scunthorpe" never matches a four-letter word inside it);
 * a trailing `*` matches any ending ("troll*" matches "trolls", "trolling"); spaces in a phrase match any spacing.
 * Score: the number of matches. Threshold: `minMatches`.
 */
const isRegex = (p: string) => {
  try {
    new RegExp(p, 'giu');
    return true;
  } catch {
    return false;
  }
};

export const keywordsConfigSchema = z
  .object({
    terms: z.array(z.string().trim().min(1).max(100)).max(1000).default([]),
    patterns: z
      .array(z.string().min(1).max(200).refine(isRegex, { message: 'is not a valid regular expression' }))
      .max(100)
      .default([]),
    minMatches: z.number().int().min(1).max(100).default(1),
  })
  .refine((c) => c.terms.length + c.patterns.length > 0, {
    message: 'list at least one term or pattern',
    path: ['terms'],
  });
export type KeywordsConfig = z.infer<typeof keywordsConfigSchema>;

const WORD = '[\\p{L}\\p{N}_]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termSource(term: string): string {
  const wildcard = term.endsWith('*');
  const core = (wildcard ? term.slice(0, -1) : term).trim();
  const body = core.split(/\s+/).map(escape).join('\\s+');
  return wildcard ? `${body}${WORD}*` : body;
}

export const keywordsRule: RuleDefinition<KeywordsConfig> = {
  type: 'keywords',
  description: 'Listed words, phrases or regular expressions (whole words only).',
  schema: keywordsConfigSchema,
  compile(config) {
    const matchers: Array<{ re: RegExp; labels: string[] | null; label: string }> = [];
    if (config.terms.length > 0) {
      // Longest first, so a phrase wins over a word it contains.
      const terms = [...config.terms].sort((a, b) => b.length - a.length);
      const sources = terms.map(termSource);
      matchers.push({
        re: new RegExp(`(?<!${WORD})(?:${sources.map((s) => `(${s})`).join('|')})(?!${WORD})`, 'giu'),
        labels: terms,
        label: 'term',
      });
    }
    for (const p of config.patterns) matchers.push({ re: new RegExp(p, 'giu'), labels: null, label: p });

    return (input) => {
      const spans: EvidenceSpan[] = [];
      for (const { field, text } of commentFields(input)) {
        for (const m of matchers) {
          for (const match of text.matchAll(m.re)) {
            if (match[0].length === 0) continue;
            const group = m.labels ? match.slice(1).findIndex((g) => g !== undefined) : -1;
            const label = m.labels && group >= 0 ? m.labels[group] : m.label;
            spans.push({ field, start: match.index, end: match.index + match[0].length, text: match[0], label });
          }
        }
      }
      const terms = [...new Set(spans.map((s) => s.label))];
      return {
        score: spans.length,
        threshold: config.minMatches,
        evidence: {
          summary: spans.length ? `listed: ${terms.join(', ')}` : 'no listed term',
          spans,
          terms,
        },
      };
    };
  },
};
