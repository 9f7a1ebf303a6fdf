import type { EvidenceSpan } from '@sift/shared';
import { RE2JS } from 're2js';
import { z } from 'zod';
import { commentFields, RuleOverBudget, type RuleDefinition } from '../contract/rule.js';

/**
 * `keywords`: admin-listed words, phrases and regular expressions.
 * Terms match case-insensitively on whole words only ("Scunthorpe" never matches a four-letter word inside it);
 * a trailing `*` matches any ending ("troll*" matches "trolls", "trolling"); spaces in a phrase match any spacing.
 * Score: the number of matches. Threshold: `minMatches`.
 *
 * Patterns run on RE2 (re2js, a pure-JavaScript port): matching time grows linearly with the text, whatever the
 * pattern, so no pattern can hold a worker (`^(\w+\s?)+$` backtracked for minutes in V8's engine). RE2 has no
 * lookahead and no backreferences; a pattern that uses them, or is too large, is refused when saved, and a stored
 * one becomes an `error` outcome (docs/rules.md). Terms are escaped literals joined by Sift itself, never a
 * backtracking trap, and keep V8's faster engine.
 */

/** RE2 program size (≈ instructions) above which a pattern is refused: `x{1000}` is 1,002, `\bbuy\s+(cheap|now)\b` 20. */
export const MAX_PATTERN_PROGRAM = 500;

/** A pattern as RE2 runs it (JavaScript escapes like `\u00e9` and `(?<name>…)` translated), or why it cannot run. */
export function compilePattern(pattern: string): RE2JS {
  // `/idiot/i` would look for the slashes themselves: say what to write instead.
  if (/^\/.+\/[dgimsuyv]+$/.test(pattern)) {
    throw new Error('is written as /pattern/flags: write only what is between the slashes (patterns always match case-insensitively, no flag is needed)');
  }
  const unsupported = unsupportedSyntax(pattern);
  if (unsupported) throw new Error(`uses ${unsupported}, which RE2 does not support (Sift runs patterns on RE2 so that matching takes linear time)`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    const message = (err as Error).message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`');
    throw new Error(`is not a valid RE2 regular expression (${message})`);
  }
  const size = re.programSize();
  if (size > MAX_PATTERN_PROGRAM) {
    throw new Error(`is too large to run quickly (RE2 program of ${size} steps, at most ${MAX_PATTERN_PROGRAM}): use smaller repeat counts like {1,50}`);
  }
  return re;
}

/** Lookaround or a backreference, read escape by escape (`\\1` is a backslash and a 1, not a backreference). */
function unsupportedSyntax(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return 'a backreference (\\1, \\k<name>)';
      i++;
    } else if (c === '(' && pattern[i + 1] === '?' && /^<?[=!]/.test(pattern.slice(i + 2, i + 4))) {
      return 'lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…))';
    }
  }
  return null;
}

const runnable = (p: string, ctx: z.RefinementCtx) => {
  try {
    compilePattern(p);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
};

export const keywordsConfigSchema = z
  .object({
    terms: z
      .array(z.string().trim().min(1).max(100))
      .max(1000)
      .default([])
      .describe('Words or phrases, one per line. Whole words only, any case; a trailing * matches any ending (troll* matches trolling).'),
    patterns: z
      .array(z.string().min(1).max(200).superRefine(runnable))
      .max(100)
      .default([])
      .describe(
        'Regular expressions (RE2), one per line, without slashes or flags: they always match case-insensitively, so (?i) is not needed. No lookahead, lookbehind or backreferences.',
      ),
    minMatches: z.number().int().min(1).max(100).default(1).describe('How many matches (terms and patterns together) flag a comment.'),
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
  label: 'Listed words and patterns',
  description: 'Listed words, phrases or regular expressions (whole words only).',
  schema: keywordsConfigSchema,
  compile(config) {
    let terms: { re: RegExp; labels: string[] } | null = null;
    if (config.terms.length > 0) {
      // Longest first, so a phrase wins over a word it contains.
      const sorted = [...config.terms].sort((a, b) => b.length - a.length);
      const sources = sorted.map(termSource);
      terms = { re: new RegExp(`(?<!${WORD})(?:${sources.map((s) => `(${s})`).join('|')})(?!${WORD})`, 'giu'), labels: sorted };
    }
    const patterns = config.patterns.map((p) => ({ re: compilePattern(p), label: p }));

    return (input, clock) => {
      const spans: EvidenceSpan[] = [];
      for (const { field, text } of commentFields(input)) {
        if (terms) {
          for (const match of text.matchAll(terms.re)) {
            if (match[0].length === 0) continue;
            const group = match.slice(1).findIndex((g) => g !== undefined);
            spans.push({ field, start: match.index, end: match.index + match[0].length, text: match[0], label: group >= 0 ? terms.labels[group] : 'term' });
          }
        }
        for (const { re, label } of patterns) {
          if (clock?.expired()) throw new RuleOverBudget();
          if (!re.test(text)) continue; // the fast path (RE2's DFA); offsets only for texts that match
          const m = re.matcher(text);
          while (m.find()) {
            const start = m.start();
            const end = m.end();
            if (end > start) spans.push({ field, start, end, text: text.slice(start, end), label });
          }
        }
      }
      const found = [...new Set(spans.map((s) => s.label))];
      return {
        score: spans.length,
        threshold: config.minMatches,
        evidence: {
          summary: spans.length ? `listed: ${found.join(', ')}` : 'no listed term',
          spans,
          terms: found,
        },
      };
    };
  },
};
