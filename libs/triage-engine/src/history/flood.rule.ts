import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';

/**
 * `flood`: an author posting more than `maxComments` comments within `windowMinutes`, or more than
 * `burstMaxComments` within `burstWindowSeconds` (a burst no person writes by hand: since issue 17, five comments in
 * five seconds fire by default), this one included. The worker provides the author's recent comments; the rule
 * stays pure. Score: the larger of count / (maxComments + 1) and burst count / (burstMaxComments + 1). Threshold: 1.
 */
export const floodConfigSchema = z.object({
  maxComments: z.number().int().min(1).max(1000).default(10).describe('More comments than this from one author within the window fire the rule.'),
  windowMinutes: z.number().int().min(1).max(24 * 60).default(1).describe('The window, in minutes, over which the author\'s comments are counted.'),
  burstMaxComments: z.number().int().min(1).max(1000).default(4).describe('More comments than this from one author within the burst window fire the rule too (a burst no person types by hand).'),
  burstWindowSeconds: z.number().int().min(1).max(300).default(10).describe('The burst window, in seconds.'),
});
export type FloodConfig = z.infer<typeof floodConfigSchema>;

export const floodRule: RuleDefinition<FloodConfig> = {
  type: 'flood',
  label: 'Flood (many comments fast)',
  description: 'Too many comments from one author in a short time, or a burst of them within seconds.',
  schema: floodConfigSchema,
  historyMinutes: (config) => Math.max(config.windowMinutes, Math.ceil(config.burstWindowSeconds / 60)),
  compile(config) {
    const within = (ms: number, now: number, history: ReadonlyArray<{ id: string; receivedAt: Date }>) =>
      history.filter((h) => {
        const t = h.receivedAt.getTime();
        return t <= now && t > now - ms;
      });
    return (input) => {
      const now = input.comment.receivedAt.getTime();
      const history = input.author?.history ?? [];
      const recent = within(config.windowMinutes * 60_000, now, history);
      const burst = within(config.burstWindowSeconds * 1000, now, history);
      const count = recent.length + 1;
      const burstCount = burst.length + 1;
      const score = Math.max(count / (config.maxComments + 1), burstCount / (config.burstMaxComments + 1));
      const per = config.windowMinutes === 1 ? 'minute' : `${config.windowMinutes} minutes`;
      const bursting = burstCount > config.burstMaxComments;
      return {
        score: Math.round(score * 1000) / 1000,
        threshold: 1,
        evidence: {
          summary: bursting
            ? `${burstCount} comments in ${config.burstWindowSeconds} s (more than ${config.burstMaxComments} fires)`
            : `${count} comment${count === 1 ? '' : 's'} in ${per} (more than ${config.maxComments} fires)`,
          count,
          burstCount,
          earlierCommentIds: (bursting ? burst : recent).map((h) => h.id),
        },
      };
    };
  },
};
