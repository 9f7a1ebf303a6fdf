import { z } from 'zod';
import type { RuleDefinition } from '../contract/rule.js';
import { sharedPassage } from './passage.js';

/**
 * `campaign` (issue 18): the same talking point from several authors, across articles, or one network identity
 * under many names. The worker gives the rule the comment's near-duplicate cluster (campaign/cluster.ts: every
 * earlier comment of the signature window alike by the default clustering, with their clusters) and the names its
 * hashed IP used in the last hour (`input.campaign`); the rule stays pure.
 * Fires when the cluster has at least `minComments` comments from at least `minAuthors` distinct authors, or when
 * the network identity used at least `maxNamesPerNetwork` names. Score: the larger of min(size / minComments,
 * authors / minAuthors) and names / maxNamesPerNetwork. Threshold: 1. Evidence: the cluster, its size, authors,
 * articles, first and last seen, the passage this comment shares with the most alike member (highlighted), and the
 * article's arrival rate against its own baseline with the share of authors new to the site (said in the summary
 * when it is a burst: at least 3× the baseline and one a minute).
 */
export const campaignConfigSchema = z.object({
  minComments: z.number().int().min(2).max(1000).default(5).describe('A cluster of near-identical comments fires once it has this many comments (this one included).'),
  minAuthors: z.number().int().min(1).max(1000).default(3).describe('… from at least this many distinct authors (one author repeating themselves is the repeat rule\'s business).'),
  maxNamesPerNetwork: z.number().int().min(2).max(100).default(4).describe('One network identity (hashed IP) posting under this many display names within an hour fires too.'),
});
export type CampaignConfig = z.infer<typeof campaignConfigSchema>;

/** An article's arrivals count as a burst at this many times its baseline (and at least one a minute). */
const BURST_FACTOR = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const campaignRule: RuleDefinition<CampaignConfig> = {
  type: 'campaign',
  label: 'Campaign (same text, many authors)',
  description: 'Near-identical comments from several authors across articles, or one network posting under many names.',
  schema: campaignConfigSchema,
  compile(config) {
    return (input) => {
      const cluster = input.campaign?.cluster ?? null;
      const names = input.campaign?.networkNames ?? [];
      const clusterScore = cluster ? Math.min(cluster.size / config.minComments, cluster.authors / config.minAuthors) : 0;
      const namesScore = names.length / config.maxNamesPerNetwork;
      const score = Math.round(Math.max(clusterScore, namesScore) * 1000) / 1000;
      const passage = cluster?.sample ? sharedPassage(input.comment.body, cluster.sample.body) : null;
      const text = passage ? input.comment.body.slice(passage.start, passage.end) : null;
      const parts: string[] = [];
      if (cluster) {
        parts.push(
          `campaign of ${plural(cluster.size, 'comment')} from ${plural(cluster.authors, 'author')} on ${plural(cluster.articles, 'article')}` +
            (text ? `: “${text.length > 80 ? `${text.slice(0, 77)}…` : text}”` : ''),
        );
      }
      if (names.length >= 2) parts.push(`${plural(names.length, 'name')} from one network within an hour`);
      const burst = input.campaign?.burst;
      // A burst is context for the moderator, not a trigger: a breaking story brings crowds too.
      if (parts.length && burst && burst.perMinute >= 1 && burst.perMinute >= BURST_FACTOR * burst.baselinePerMinute) {
        parts.push(`the article gets ${burst.perMinute} comments a minute (usually ${burst.baselinePerMinute}), ${Math.round(burst.newAuthorShare * 100)}% from new authors`);
      }
      return {
        score,
        threshold: 1,
        evidence: {
          summary: parts.length ? parts.join('; ') : 'not part of a campaign',
          spans: passage && text ? [{ field: 'body', start: passage.start, end: passage.end, text, label: 'shared passage' }] : [],
          cluster: cluster && {
            id: cluster.id,
            size: cluster.size,
            authors: cluster.authors,
            articles: cluster.articles,
            firstSeen: cluster.firstSeen.toISOString(),
            lastSeen: cluster.lastSeen.toISOString(),
            authorNames: cluster.authorNames,
            articleIds: cluster.articleIds,
            sampleId: cluster.sample?.id ?? null,
            similarity: cluster.sample?.similarity ?? null,
            sharedPassage: text,
          },
          networkNames: names,
          ...(burst ? { burst } : {}),
        },
      };
    };
  },
};
