import type { AuthorListStatus } from '@sift/shared';
import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';

/**
 * `author`: the author is on one of the listed moderation lists (blocked, always-review). The worker provides the
 * author's list status; the rule stays pure. Score: 1 when listed, else 0. Threshold: 1.
 * ("trusted" is a list too, but it relaxes pre-moderation rather than firing a rule: see engine.decide.)
 */
/** The lists that can fire the rule (types only from @sift/shared: rules load without a build, e.g. in evals). */
const FIRING_LISTS = ['blocked', 'review'] as const satisfies readonly AuthorListStatus[];

export const authorConfigSchema = z.object({
  lists: z
    .array(z.enum(FIRING_LISTS))
    .min(1)
    .default(['blocked'])
    .describe('Which author lists fire the rule: blocked (set from a comment card) and review (always review this author).'),
});
export type AuthorConfig = z.infer<typeof authorConfigSchema>;

const LABEL = { blocked: 'blocked author', review: 'author on always-review', trusted: 'trusted author' } as const;

export const authorRule: RuleDefinition<AuthorConfig> = {
  type: 'author',
  label: 'Blocked or watched authors',
  description: 'The author is on the blocked or always-review list.',
  schema: authorConfigSchema,
  compile(config) {
    const lists = new Set<string>(config.lists);
    return (input) => {
      const status = input.author?.status ?? null;
      const listed = status !== null && lists.has(status);
      return {
        score: listed ? 1 : 0,
        threshold: 1,
        evidence: { summary: listed ? LABEL[status] : 'author not listed', list: status },
      };
    };
  },
};
