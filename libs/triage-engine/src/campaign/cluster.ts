import { z } from 'zod';
import { type CampaignSignature, signature, similarity } from './signature.js';

/**
 * Campaign clusters: a comment joins the cluster of every earlier comment (any author, any article, within the
 * window) whose signature is at least `minSimilarity` alike: the union of alike pairs. The same function decides for
 * the worker (candidates from Postgres, by band key) and for the eval command (candidates from `CampaignIndex`,
 * in memory), so `npm run -s eval -- --task campaign` measures what the worker does.
 */
export const clusterConfigSchema = z.object({
  minSimilarity: z.number().min(0.2).max(1).default(0.4).describe('How alike two comments must be (0.2–1, the share of content words they have in common, estimated) to be in one campaign.'),
  minWords: z.number().int().min(1).max(100).default(6).describe('Comments with fewer distinct content words than this never join a campaign ("Agreed!", "Shame on them").'),
  windowMinutes: z.number().int().min(1).max(30 * 24 * 60).default(7 * 24 * 60).describe('How far back, in minutes, a new comment is compared (signatures older than this are pruned).'),
});
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = clusterConfigSchema.parse({});

/** An earlier comment found by band key. */
export interface ClusterCandidate {
  id: string;
  /** Its campaign; null while it is alone. */
  clusterId: string | null;
  minhash: ArrayLike<number>;
  receivedAt: Date;
}

/** What joining means for the new comment and the comments it matched. */
export interface ClusterJoin {
  /** The new comment's campaign (null: alone). Named after its first member: the earliest comment matched. */
  clusterId: string | null;
  /** Matched comments that were alone and now belong to `clusterId`. */
  adopt: string[];
  /** Other campaigns the new comment bridges: folded into `clusterId`. */
  merge: string[];
  /** Every matched comment with its similarity, most alike first. */
  matches: Array<{ id: string; similarity: number }>;
}

/**
 * At most this many candidates are compared, the most recent first (the worker's lookup has the same LIMIT): a
 * campaign that large is joined through its recent members.
 */
export const MAX_CANDIDATES = 200;

const ALONE: ClusterJoin = { clusterId: null, adopt: [], merge: [], matches: [] };

/** Decides which campaign a new comment joins, from its signature and its candidates. Pure. */
export function joinCluster(
  sig: CampaignSignature,
  receivedAt: Date,
  candidates: readonly ClusterCandidate[],
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
): ClusterJoin {
  if (sig.words < config.minWords) return ALONE;
  const since = receivedAt.getTime() - config.windowMinutes * 60_000;
  const alike = candidates
    .filter((c) => c.receivedAt.getTime() >= since && c.receivedAt.getTime() <= receivedAt.getTime())
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, MAX_CANDIDATES)
    .map((c) => ({ c, s: similarity(sig.minhash, c.minhash) }))
    .filter((x) => x.s >= config.minSimilarity);
  if (alike.length === 0) return ALONE;
  const earliest = alike.reduce((a, b) => (b.c.receivedAt < a.c.receivedAt || (b.c.receivedAt.getTime() === a.c.receivedAt.getTime() && b.c.id < a.c.id) ? b : a));
  const clusterId = earliest.c.clusterId ?? earliest.c.id;
  const merge = new Set<string>();
  const adopt: string[] = [];
  for (const { c } of alike) {
    if (c.clusterId === null) adopt.push(c.id);
    else if (c.clusterId !== clusterId) merge.add(c.clusterId);
  }
  return {
    clusterId,
    adopt,
    merge: [...merge],
    matches: alike.sort((a, b) => b.s - a.s).map((x) => ({ id: x.c.id, similarity: Math.round(x.s * 100) / 100 })),
  };
}

interface Entry extends ClusterCandidate {
  bands: number[];
}

/**
 * The worker's Postgres lookup, in memory: signatures by band key within the window, and the campaign of each
 * comment (merges rename every member, as the worker's UPDATE does). For the eval command and specs.
 */
export class CampaignIndex {
  private readonly byBand = new Map<number, Entry[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly members = new Map<string, Set<string>>();
  /** Every clustered comment's campaign, kept after its signature is pruned (the eval's output reads it). */
  private readonly clusters = new Map<string, string>();

  constructor(private readonly config: ClusterConfig = DEFAULT_CLUSTER_CONFIG) {}

  /** Adds a comment (in time order) and returns its campaign (null: alone). */
  add(id: string, text: string, receivedAt: Date): ClusterJoin {
    const sig = signature(text);
    const candidates = new Map<string, Entry>();
    for (const key of sig.bands) for (const e of this.byBand.get(key) ?? []) candidates.set(e.id, e);
    const join = joinCluster(sig, receivedAt, [...candidates.values()], this.config);
    if (sig.words < this.config.minWords) return join;
    const entry: Entry = { id, clusterId: join.clusterId, minhash: sig.minhash, receivedAt, bands: sig.bands };
    this.entries.set(id, entry);
    for (const key of sig.bands) {
      const list = this.byBand.get(key);
      if (list) list.push(entry);
      else this.byBand.set(key, [entry]);
    }
    if (join.clusterId !== null) this.record(join, id);
    return join;
  }

  /** The campaign of a comment now (merges may have renamed it since it was added). */
  clusterOf(id: string): string | null {
    return this.clusters.get(id) ?? null;
  }

  /** Drops signatures older than the window before `now` (the worker's prune job). */
  prune(now: Date): void {
    const since = now.getTime() - this.config.windowMinutes * 60_000;
    for (const [id, e] of this.entries) {
      if (e.receivedAt.getTime() >= since) continue;
      this.entries.delete(id);
      for (const key of e.bands) {
        const list = this.byBand.get(key)?.filter((x) => x !== e);
        if (list?.length) this.byBand.set(key, list);
        else this.byBand.delete(key);
      }
    }
  }

  private record(join: ClusterJoin, id: string): void {
    const cluster = join.clusterId as string;
    const members = this.members.get(cluster) ?? new Set<string>([cluster]);
    this.members.set(cluster, members);
    for (const other of join.merge) {
      for (const m of this.members.get(other) ?? [other]) this.assign(members, m, cluster);
      this.members.delete(other);
    }
    for (const m of [cluster, ...join.adopt, id]) this.assign(members, m, cluster);
  }

  private assign(members: Set<string>, id: string, cluster: string): void {
    members.add(id);
    this.clusters.set(id, cluster);
    const e = this.entries.get(id);
    if (e) e.clusterId = cluster;
  }
}
