import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';
import { jaccard, shingles, type Shingles } from '../text/similarity.js';

/**
 * `repeat`: the same or nearly the same text as one of the author's earlier comments within the window (on any
 * article, or only the same one). The worker provides the author's recent comments; the rule stays pure.
 * Similarity to an earlier comment is the higher of two Jaccard measures: over word pairs (order matters) and over
 * distinct words (a word swapped mid-sentence costs one word but two pairs: "Sack the whole council today please"
 * and "… now please" are 43% alike as pairs, 71% as words). Score: the highest similarity, 0..1. Threshold:
 * `minSimilarity`. Comments shorter than `minWords` words never fire ("Thanks!", "+1").
 */
export const repeatConfigSchema = z.object({
  /** 0.7 since issue 17 (was 0.85, pairs only): five near-identical comments in five seconds went through. */
  minSimilarity: z.number().min(0.5).max(1).default(0.7).describe('How alike two comments must be (0.5–1; 1 = the same words; the higher of word-pair and word similarity) to count as a repeat.'),
  windowMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60).describe('How far back, in minutes, the author\'s earlier comments are compared.'),
  minWords: z.number().int().min(1).max(100).default(4).describe('Comments with fewer words than this are never repeats ("Thanks!", "Agreed").'),
  acrossArticles: z.boolean().default(true).describe('Compare with the author\'s comments on other articles too, not only this one.'),
});
export type RepeatConfig = z.infer<typeof repeatConfigSchema>;

export const repeatRule: RuleDefinition<RepeatConfig> = {
  type: 'repeat',
  label: 'Repeated text',
  description: "The same or nearly the same text as the author's recent comments.",
  schema: repeatConfigSchema,
  historyMinutes: (config) => config.windowMinutes,
  compile(config) {
    // An author's earlier comments come back with each new comment: their shingles are computed once (bounded memo).
    const memo = new Map<string, Shingles>();
    const shinglesOf = (text: string) => {
      let s = memo.get(text);
      if (!s) {
        s = shingles(text);
        if (memo.size >= 20_000) memo.delete(memo.keys().next().value as string);
        memo.set(text, s);
      }
      return s;
    };
    return (input) => {
      const text = input.comment.title ? `${input.comment.title} ${input.comment.body}` : input.comment.body;
      const threshold = config.minSimilarity;
      const mine = shingles(text);
      if (mine.words < config.minWords) {
        return { score: 0, threshold, evidence: { summary: `too short to judge (fewer than ${config.minWords} words)` } };
      }
      const since = input.comment.receivedAt.getTime() - config.windowMinutes * 60_000;
      const current = input.author?.history ?? [];
      let best = 0;
      const matches: Array<{ id: string; similarity: number }> = [];
      for (const h of current) {
        if (h.receivedAt.getTime() < since) continue;
        if (!config.acrossArticles && h.articleId !== input.comment.articleId) continue;
        const theirs = shinglesOf(h.title ? `${h.title} ${h.body}` : h.body);
        const sim = Math.max(jaccard(mine.set, theirs.set), jaccard(mine.wordSet, theirs.wordSet));
        if (sim >= threshold) matches.push({ id: h.id, similarity: Math.round(sim * 100) / 100 });
        best = Math.max(best, sim);
      }
      return {
        score: best,
        threshold,
        evidence: {
          summary: matches.length
            ? `repeats ${matches.length} earlier comment${matches.length === 1 ? '' : 's'} (${Math.round(best * 100)}% alike)`
            : `no earlier comment alike (best ${Math.round(best * 100)}%)`,
          earlierCommentIds: matches.map((m) => m.id),
          matches,
        },
      };
    };
  },
};
