import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { campaignSignature, type CampaignContext, type ClusterCandidate, type CompiledRule, DEFAULT_CLUSTER_CONFIG, joinCluster, MAX_CANDIDATES } from '@sift/triage-engine';
import { DataSource } from 'typeorm';
import { type Prepared, prepared, queryPrepared } from '../core/database/prepared.js';

/** How far back the names of one network identity are counted (the campaign rule's "within an hour"). */
const NETWORK_MINUTES = 60;
/** The burst signal: an article's arrivals over the last BURST_MINUTES against its rate over the BASELINE_MINUTES before. */
const BURST_MINUTES = 5;
const BASELINE_MINUTES = 24 * 60;

/**
 * Stores the comment's signature (with its author, article and hashed IP; nothing when it is already stored: a job
 * run twice) and returns its candidates — earlier comments within the window sharing a band key, by one probe of
 * the GIN index, the most recent first — and the display names its network used in the last hour.
 * Values: $1 comment id, $2 MinHash values, $3 band keys, $4 window minutes.
 */
const LOOKUP = prepared(
  'campaign_lookup',
  `WITH me AS (SELECT id, article_id, author_key, author_name, ip_hash, received_at FROM comments WHERE id = $1),
     ins AS (
       INSERT INTO campaign_signatures (comment_id, article_id, author_key, author_name, ip_hash, received_at, minhash, bands)
       SELECT id, article_id, author_key, author_name, ip_hash, received_at, $2::int4[], $3::int8[] FROM me
       ON CONFLICT (comment_id) DO NOTHING),
     -- The GIN probe first (materialized): ordered by time with a LIMIT, Postgres would rather walk the time index
     -- and filter every row of the window (docs/benchmarks.md, "Campaign lookup").
     banded AS MATERIALIZED (SELECT s.comment_id, s.cluster_id, s.minhash, s.received_at FROM campaign_signatures s WHERE s.bands && $3::int8[])
   SELECT me.author_name, me.author_key, me.received_at,
          (SELECT coalesce(json_agg(json_build_object('id', c.comment_id, 'clusterId', c.cluster_id, 'minhash', c.minhash, 'receivedAt', c.received_at)), '[]'::json)
             FROM (SELECT b.comment_id, b.cluster_id, b.minhash, b.received_at FROM banded b
                    WHERE b.comment_id <> me.id AND b.received_at <= me.received_at
                      AND b.received_at > me.received_at - make_interval(mins => $4::int)
                    ORDER BY b.received_at DESC LIMIT ${MAX_CANDIDATES}) c) AS candidates,
          (SELECT coalesce(array_agg(DISTINCT lower(s.author_name)), '{}') FROM campaign_signatures s
            WHERE me.ip_hash IS NOT NULL AND s.ip_hash = me.ip_hash AND s.comment_id <> me.id AND s.received_at <= me.received_at
              AND s.received_at > me.received_at - make_interval(mins => ${NETWORK_MINUTES})) AS network_names,
          (SELECT json_build_object(
                    'recent', count(*) FILTER (WHERE b.recent),
                    'before', count(*) FILTER (WHERE NOT b.recent),
                    'recentAuthors', array_agg(DISTINCT b.author_key) FILTER (WHERE b.recent))
             FROM (SELECT s.author_key, s.received_at > me.received_at - make_interval(mins => ${BURST_MINUTES}) AS recent
                     FROM campaign_signatures s
                    WHERE s.article_id = me.article_id AND s.comment_id <> me.id AND s.received_at <= me.received_at
                      AND s.received_at > me.received_at - make_interval(mins => ${BASELINE_MINUTES})) b) AS burst,
          (SELECT coalesce(array_agg(k), '{}') FROM (
             SELECT DISTINCT s.author_key AS k FROM campaign_signatures s
              WHERE s.article_id = me.article_id AND s.received_at <= me.received_at
                AND s.received_at > me.received_at - make_interval(mins => ${BURST_MINUTES})
             UNION SELECT me.author_key) a
            WHERE NOT EXISTS (SELECT 1 FROM comments o WHERE o.author_key = a.k
                                AND o.received_at < me.received_at - make_interval(mins => ${BASELINE_MINUTES}))) AS new_authors
     FROM me`,
);

/**
 * Joins the comment to its campaign (itself, the lone comments it matched, and every member of the campaigns it
 * bridges get `cluster_id` $2) and returns the campaign as it now stands: size, distinct authors and articles,
 * first and last seen, the first ten names and article ids, the sample's text ($5: the most alike member), and
 * "keep hiding" when a moderator switched it on for this campaign or one it bridges (whose switch moves to $2).
 * Values: $1 comment id, $2 cluster id, $3 adopted ids, $4 merged cluster ids, $5 sample id.
 */
const JOIN = prepared(
  'campaign_join',
  `WITH up AS (
       UPDATE campaign_signatures SET cluster_id = $2
        WHERE comment_id = $1 OR comment_id = ANY($3::uuid[]) OR cluster_id = ANY($4::uuid[]) OR comment_id = $2
       RETURNING comment_id),
     keep_gone AS (DELETE FROM campaign_keep_hiding WHERE campaign_id = ANY($4::uuid[]) AND campaign_id <> $2 RETURNING *),
     keep_moved AS (
       INSERT INTO campaign_keep_hiding (campaign_id, reason, set_by, set_at)
       SELECT $2, reason, set_by, set_at FROM keep_gone ORDER BY set_at LIMIT 1
       ON CONFLICT (campaign_id) DO NOTHING),
     m AS (
       SELECT s.comment_id, s.author_key, s.author_name, s.article_id, s.received_at FROM campaign_signatures s
        WHERE s.cluster_id = $2 OR s.cluster_id = ANY($4::uuid[]) OR s.comment_id = $1 OR s.comment_id = $2 OR s.comment_id = ANY($3::uuid[]))
   SELECT count(*)::int AS size, count(DISTINCT m.author_key)::int AS authors, count(DISTINCT m.article_id)::int AS articles,
          min(m.received_at) AS first_seen, max(m.received_at) AS last_seen,
          (SELECT array_agg(n ORDER BY t) FROM (SELECT author_name AS n, min(received_at) AS t FROM m GROUP BY author_name ORDER BY t LIMIT 10) x) AS author_names,
          (SELECT array_agg(e ORDER BY t) FROM (SELECT a.external_id AS e, min(m.received_at) AS t FROM m JOIN articles a ON a.id = m.article_id
                                                  GROUP BY a.external_id ORDER BY t LIMIT 10) y) AS article_ids,
          (SELECT body FROM comments WHERE id = $5) AS sample_body,
          (SELECT count(*) FROM up)::int AS joined,
          (SELECT json_build_object('campaignId', $2::uuid, 'reason', k.reason) FROM (
             SELECT reason, set_at FROM campaign_keep_hiding WHERE campaign_id = $2
             UNION ALL SELECT reason, set_at FROM keep_gone ORDER BY set_at LIMIT 1) k) AS keep
     FROM m`,
);

interface LookupRow {
  author_name: string;
  author_key: string;
  received_at: Date;
  candidates: Array<Omit<ClusterCandidate, 'receivedAt'> & { receivedAt: string }>;
  network_names: string[];
  burst: { recent: number; before: number; recentAuthors: string[] | null };
  new_authors: string[];
}

/** The article's arrivals per minute over the last minutes (this comment included), its baseline, new authors' share. */
function burstOf(row: LookupRow): NonNullable<CampaignContext['burst']> {
  const authors = new Set([...(row.burst.recentAuthors ?? []), row.author_key]).size;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    perMinute: round((row.burst.recent + 1) / BURST_MINUTES),
    baselinePerMinute: round(row.burst.before / (BASELINE_MINUTES - BURST_MINUTES)),
    newAuthorShare: round(Math.min(1, row.new_authors.length / authors)),
  };
}

/** "Keep hiding this campaign" is on for the campaign a comment joined (campaigns.service.ts). */
export interface KeepHiding {
  campaignId: string;
  reason: string | null;
}

/** The campaign context the rules get, and whether its moderators keep hiding it. */
export interface CampaignLookup {
  context: CampaignContext;
  keep: KeepHiding | null;
}

/** A comment id that no comment has (the warm-up's statements run for it and find nothing). */
const NO_COMMENT = '00000000-0000-0000-0000-000000000000';

/**
 * The campaign context of one comment (issue 18), read only when a `campaign` rule is active: two prepared
 * statements after the triage context read (the lookup, then the join when it matched something), both by index.
 */
@Injectable()
export class CampaignLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statements and values that read and write nothing, for TriageService.warmUp. */
  static readonly warmUp: ReadonlyArray<readonly [Prepared, readonly unknown[]]> = [
    [LOOKUP, [NO_COMMENT, [], [], 1]],
    [JOIN, [NO_COMMENT, NO_COMMENT, [], [], NO_COMMENT]],
  ];

  /** True when the rule set has a campaign rule (else nothing is read or stored). */
  static wanted(rules: readonly CompiledRule[]): boolean {
    return rules.some((r) => r.spec.type === 'campaign');
  }

  async context(commentId: string, title: string | null, body: string): Promise<CampaignLookup> {
    const sig = campaignSignature(title ? `${title} ${body}` : body);
    const config = DEFAULT_CLUSTER_CONFIG;
    const [row] = await queryPrepared<LookupRow>(
      this.dataSource,
      LOOKUP,
      [commentId, sig.minhash, sig.bands, config.windowMinutes],
    );
    if (!row) return { context: { cluster: null }, keep: null };
    const networkNames = [...new Set([...row.network_names, row.author_name.toLowerCase()])];
    const burst = burstOf(row);
    const candidates = row.candidates.map((c) => ({ ...c, receivedAt: new Date(c.receivedAt) }));
    const join = joinCluster(sig, row.received_at, candidates, config);
    if (join.clusterId === null) return { context: { cluster: null, networkNames, burst }, keep: null };
    const best = join.matches[0];
    const [stats] = await queryPrepared<{
      size: number;
      authors: number;
      articles: number;
      first_seen: Date;
      last_seen: Date;
      author_names: string[];
      article_ids: string[];
      sample_body: string | null;
      keep: KeepHiding | null;
    }>(this.dataSource, JOIN, [commentId, join.clusterId, join.adopt, join.merge, best.id]);
    const context: CampaignContext = {
      cluster: {
        id: join.clusterId,
        size: stats.size,
        authors: stats.authors,
        articles: stats.articles,
        firstSeen: stats.first_seen,
        lastSeen: stats.last_seen,
        authorNames: stats.author_names ?? [],
        articleIds: stats.article_ids ?? [],
        sample: stats.sample_body === null ? null : { id: best.id, body: stats.sample_body, similarity: best.similarity },
      },
      networkNames,
      burst,
    };
    return { context, keep: stats.keep };
  }

  /** Drops signatures older than the window (the reconciler's run calls it). */
  async prune(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH d AS (DELETE FROM campaign_signatures WHERE received_at < now() - make_interval(mins => $1) RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [DEFAULT_CLUSTER_CONFIG.windowMinutes],
    );
    return n;
  }
}
