import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';

/**
 * `flood`: an author posting more than `maxComments` comments within `windowMinutes` (this one included).
 * The worker provides the author's recent comments; the rule stays pure.
 * Score: the number of comments in the window. Threshold: `maxComments + 1`.
 */
export const floodConfigSchema = z.object({
  maxComments: z.number().int().min(1).max(1000).default(10).describe('More comments than this from one author within the window fire the rule.'),
  windowMinutes: z.number().int().min(1).max(24 * 60).default(1).describe('The window, in minutes, over which the author\'s comments are counted.'),
});
export type FloodConfig = z.infer<typeof floodConfigSchema>;

export const floodRule: RuleDefinition<FloodConfig> = {
  type: 'flood',
  label: 'Flood (many comments fast)',
  description: 'Too many comments from one author in a short time.',
  schema: floodConfigSchema,
  historyMinutes: (config) => config.windowMinutes,
  compile(config) {
    const windowMs = config.windowMinutes * 60_000;
    return (input) => {
      const now = input.comment.receivedAt.getTime();
      const recent = (input.author?.history ?? []).filter((h) => {
        const t = h.receivedAt.getTime();
        return t <= now && t > now - windowMs;
      });
      const count = recent.length + 1;
      const per = config.windowMinutes === 1 ? 'minute' : `${config.windowMinutes} minutes`;
      return {
        score: count,
        threshold: config.maxComments + 1,
        evidence: {
          summary: `${count} comment${count === 1 ? '' : 's'} in ${per} (more than ${config.maxComments} fires)`,
          count,
          earlierCommentIds: recent.map((h) => h.id),
        },
      };
    };
  },
};
