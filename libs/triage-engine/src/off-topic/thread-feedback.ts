import { Centroid, threadIdf } from './centroid.js';
import { overlap, type ReferenceIndex } from './reference-index.js';
import { find, keep, NO_TALLY, type Tally } from './tally.js';
import { distinct, type Term, type Vocabulary } from './terms.js';
import type { ThreadScratch } from './thread-scratch.js';
import { OFF_TOPIC_CURVE, THREAD_FEEDBACK } from './tuning.js';

/**
 * What one thread comment brings to feedback under one article, remembered (per rule, in `ThreadContext`) because
 * thread comments recur with every new comment: its overlap with the article, and its distinct stems the article
 * lacks (first occurrence order).
 */
export interface ThreadComment {
  shared: number;
  /**
   * Whether some article word it shares is not on the common-word list (`Overlap.specific`): only then can it be a
   * seed. A comment that matches the article only on "no", "means" or "clear" is no sign of being on topic.
   */
  specific: boolean;
  /** Distinct stems the article lacks → the weight of their first occurrence. */
  extra: Map<string, number>;
  /** The same stems as small integers (see `Vocabulary.stemId`) and their weights, for the thread's per-stem tallies. */
  ids: Int32Array;
  weights: Float64Array;
  /** The vocabulary generation the ids belong to (-1: none yet). */
  epoch: number;
}

/**
 * What thread feedback borrows from the compiled rule that owns it (its OffTopicState): the stem table, the scratch
 * tables, and the ThreadComment memo by thread comment (its terms) and article index. Nothing of it is module-level.
 */
export interface ThreadContext {
  readonly vocab: Vocabulary;
  readonly scratch: ThreadScratch;
  readonly threadComments: WeakMap<readonly Term[], WeakMap<ReferenceIndex, ThreadComment>>;
}

/** The thread comment with these terms under this article, from the memo or worked out now. */
function threadComment(ctx: ThreadContext, terms: readonly Term[], article: ReferenceIndex): ThreadComment {
  let byArticle = ctx.threadComments.get(terms);
  if (!byArticle) ctx.threadComments.set(terms, (byArticle = new WeakMap()));
  let s = byArticle.get(article);
  if (s === undefined) {
    const extra = new Map<string, number>();
    for (const t of terms) if (!extra.has(t.stem) && !article.stems.has(t.stem)) extra.set(t.stem, t.weight);
    const { shared, specific } = overlap(distinct(terms).terms, article);
    s = { shared, specific, extra, ids: new Int32Array(0), weights: new Float64Array(0), epoch: -1 };
    byArticle.set(article, s);
  }
  const vocab = ctx.vocab;
  if (s.epoch !== vocab.epoch) {
    s.ids = new Int32Array(s.extra.size);
    s.weights = new Float64Array(s.extra.size);
    let j = 0;
    for (const [st, w] of s.extra) {
      s.ids[j] = vocab.stemId(st);
      s.weights[j++] = w;
    }
    s.epoch = vocab.epoch;
  }
  return s;
}

/**
 * Pseudo-relevance feedback from a thread, both ways.
 *
 * On topic: the `seeds` comments most related to the article (among those sharing a word with it that is not on the
 * common-word list) are taken as on topic, and stems that they use at least `seedSupport` times (and the article
 * does not) become extra evidence of relevance.
 *
 * Off topic: the other comments that show (almost) no relation to the article or to the seeds are "unrelated"; words
 * they share and no seed uses are the vocabulary of another conversation (a hijacked sub-thread, a campaign, a
 * comment posted under the wrong article), and a comment that uses them is pushed towards off-topic. When the
 * unrelated comments have nothing in common (the usual case in a thread that sticks to its article), this finds
 * nothing.
 *
 * A comment is never its own evidence: its own contribution is removed when it is one of the comments counted.
 * Everything per thread is tallied once, in the constructor, in the scratch tables of the rule's context (only the
 * small results are kept); the methods run per judged comment.
 */
export class ThreadFeedback {
  private readonly ctx: ThreadContext;
  /** The vocabulary generation its tallies' stem ids belong to: once the vocabulary starts over, rebuild it. */
  readonly epoch: number;
  /** The chosen comments' bodies (most related to the article first). */
  private readonly bodies: string[] = [];
  /** Stems the seeds use at least `seedSupport` times (by weight; ids ascending), with the sums: all `score` counts. */
  private readonly support: Tally;
  private readonly k: number;
  /** Stems the unrelated comments use at least `offMin` times (by weight) and no seed uses, with the sums. */
  private readonly off: Tally;
  private readonly offBodies: string[] = [];
  private readonly offN: number;
  /** How often (by weight) the unrelated comments must use a word for it to count. */
  private readonly offMin: number;
  /** The thread's comments (as `threadComment` has them), their bodies, and which are unrelated: what `lean` reads. */
  private readonly all: readonly ThreadComment[];
  private readonly allBodies: readonly string[];
  private readonly unrelated: Uint8Array;
  /** The thread's terms and the seeds' positions: what `similarity` reads (built on its first call). */
  private readonly threadTerms: ReadonlyArray<readonly Term[]>;
  private readonly seeds: readonly number[];
  private centroids: { thread: Centroid; seeds: Centroid; unrelated: Centroid; unrelatedAt: number[] } | null = null;

  /**
   * `terms` and `bodies`: the thread's comments in thread order (their content terms, their bodies); `k`: how many
   * seeds; `threadWeight`: what a seed-shared word weighs in relevance, which decides which comments are unrelated.
   */
  constructor(
    ctx: ThreadContext,
    article: ReferenceIndex,
    terms: ReadonlyArray<readonly Term[]>,
    bodies: readonly string[],
    k: number = THREAD_FEEDBACK.seeds,
    threadWeight: number = OFF_TOPIC_CURVE.thread,
  ) {
    this.ctx = ctx;
    ctx.vocab.resetIfFull();
    this.epoch = ctx.vocab.epoch;
    const thread = terms.map((t) => threadComment(ctx, t, article));
    const chosen = chooseSeeds(thread, k);
    this.k = Math.max(chosen.length, 1);
    for (const i of chosen) this.bodies.push(bodies[i]);

    const scratch = ctx.scratch;
    scratch.fitStems(ctx.vocab.size);
    const gen = scratch.nextTally();
    scratch.fitComments(thread.length);
    this.support = tallySeeds(scratch, gen, thread, chosen);

    // The unrelated comments and the words they share that no seed uses. Only words used often enough can count (a
    // comment's own use is taken off later, never added): with fewer unrelated comments than that, none can.
    const offN = findUnrelated(scratch, gen, thread, this.k, threadWeight);
    this.offN = offN;
    this.offMin = Math.max(THREAD_FEEDBACK.offSupport, THREAD_FEEDBACK.offShare * offN);
    this.off = offN >= this.offMin ? tallyUnrelated(scratch, gen, thread, offN, this.offMin) : NO_TALLY;
    const offAt = scratch.offAt;
    // Their bodies are needed only to leave a comment's own use out, and only when some word counts.
    if (this.off.ids.length > 0) for (let j = 0; j < offN; j++) this.offBodies.push(bodies[offAt[j]]);
    this.all = thread;
    this.allBodies = bodies;
    this.unrelated = new Uint8Array(thread.length);
    for (let u = 0; u < offN; u++) this.unrelated[offAt[u]] = 1;
    this.threadTerms = terms;
    this.seeds = chosen;
  }

  /**
   * The comment's cosine to the centroid of the thread and to that of its seeds (the comments most related to the
   * article), each without the comment itself (see Centroid). For the learned model only: day 0 does not call it.
   */
  similarity(terms: readonly Term[], body: string): { thread: number; seeds: number; unrelated: number } {
    if (!this.centroids) {
      const idf = threadIdf(this.threadTerms);
      const unrelatedAt: number[] = [];
      this.unrelated.forEach((u, i) => (u ? unrelatedAt.push(i) : 0));
      const of = (at: readonly number[]) =>
        new Centroid(
          at.map((i) => this.threadTerms[i]),
          idf,
        );
      this.centroids = { thread: new Centroid(this.threadTerms, idf), seeds: of(this.seeds), unrelated: of(unrelatedAt), unrelatedAt };
    }
    const c = this.centroids;
    const self = this.allBodies.indexOf(body);
    return {
      thread: c.thread.cosine(terms, self),
      seeds: c.seeds.cosine(terms, this.seeds.indexOf(self)),
      unrelated: c.unrelated.cosine(terms, c.unrelatedAt.indexOf(self)),
    };
  }

  /**
   * For a comment with no evidence either way (no article word, no seed-shared or off-thread word): which side of
   * the thread its words lean to. Σ over its distinct terms of weight × (share of the unrelated comments that use
   * the stem − share of the other comments that do) / Σ weight, in [−1, 1]: > 0 when its words are those of the
   * comments unrelated to the article. Each comment counts once per stem; a comment is never its own evidence.
   * One pass over the thread's stems, only for such comments (no per-thread work).
   */
  lean(terms: readonly Term[], body: string): number {
    // The comment's stems are marked in a scratch table; one pass over the thread's stems counts their uses.
    const { vocab, scratch } = this.ctx;
    scratch.fitStems(vocab.size);
    const gen = scratch.nextUse();
    scratch.fitTerms(terms.length);
    const { usedAt, useSlot, useRel, useUnr } = scratch;
    for (let i = 0; i < terms.length; i++) {
      const id = vocab.termId(terms[i]);
      useRel[i] = 0;
      useUnr[i] = 0;
      if (id < 0) continue;
      usedAt[id] = gen;
      useSlot[id] = i;
    }
    const self = this.allBodies.indexOf(body);
    const epoch = vocab.epoch;
    let nRel = 0;
    let nUnr = 0;
    for (let c = 0; c < this.all.length; c++) {
      if (c === self) continue;
      const unr = this.unrelated[c] === 1;
      if (unr) nUnr++;
      else nRel++;
      const { ids } = this.all[c];
      if (this.all[c].epoch !== epoch) continue; // the stem table was reset since this thread was built
      const uses = unr ? useUnr : useRel;
      for (let j = 0; j < ids.length; j++) if (usedAt[ids[j]] === gen) uses[useSlot[ids[j]]]++;
    }
    if (nRel === 0 || nUnr === 0) return 0;
    let sum = 0;
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      const w = terms[i].weight;
      total += w;
      sum += w * (useUnr[i] / nUnr - useRel[i] / nRel);
    }
    return sum / Math.max(1, total);
  }

  /**
   * `terms`: the comment's distinct terms (see `distinct`). Σ over them of weight × (how many chosen comments use the
   * stem, by weight) / k, for stems they use at least `seedSupport` times (tallied once per thread, in `support`).
   */
  score(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const k = this.k;
    return sumOver(this.ctx.vocab, this.support, this.bodies, terms, words, body, THREAD_FEEDBACK.seedSupport, (w, d) => (w * d) / k);
  }

  /**
   * Off-topic evidence: Σ over the comment's distinct terms of weight × (how much the unrelated comments use the
   * stem, by weight) × offScale / max(unrelated comments, offFloor), for stems they use often enough (`offMin`).
   */
  offScore(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const per = THREAD_FEEDBACK.offScale / Math.max(this.offN, THREAD_FEEDBACK.offFloor);
    return sumOver(this.ctx.vocab, this.off, this.offBodies, terms, words, body, this.offMin, (w, d) => w * d * per);
  }
}

/** The thread positions of the seeds: the `k` specific comments with most article overlap (ties in thread order). */
function chooseSeeds(thread: readonly ThreadComment[], k: number): number[] {
  const scored: number[] = [];
  for (let i = 0; i < thread.length; i++) if (thread[i].specific) scored.push(i);
  scored.sort((a, b) => thread[b].shared - thread[a].shared); // stable: ties keep thread order
  return scored.length > k ? scored.slice(0, k) : scored;
}

/** Σ weight of each stem over the seeds (marked in `seedMark`): the on-topic support a word has. */
function tallySeeds(scratch: ThreadScratch, gen: number, thread: readonly ThreadComment[], chosen: readonly number[]): Tally {
  let most = 0;
  for (const i of chosen) most += thread[i].ids.length;
  scratch.fitSeedIds(most);
  const { seedSum, seedGen, seedMark, seedIds } = scratch;
  let n = 0;
  for (const i of chosen) {
    seedMark[i] = gen;
    const { ids, weights } = thread[i];
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (seedGen[id] !== gen) {
        seedGen[id] = gen;
        seedSum[id] = 0;
        seedIds[n++] = id;
      }
      seedSum[id] += weights[j];
    }
  }
  return keep(seedIds, n, seedSum, THREAD_FEEDBACK.seedSupport);
}

/**
 * Puts in `offAt` the thread positions of the unrelated comments: not seeds, and whose own evidence (article overlap
 * plus the seeds' shared words it uses, as `score` counts them) is at most `offEvidence`. Returns how many.
 */
function findUnrelated(scratch: ThreadScratch, gen: number, thread: readonly ThreadComment[], k: number, threadWeight: number): number {
  const max = THREAD_FEEDBACK.offEvidence;
  const support = THREAD_FEEDBACK.seedSupport;
  const { seedSum, seedGen, seedMark, offAt } = scratch;
  let offN = 0;
  for (let i = 0; i < thread.length; i++) {
    if (seedMark[i] === gen) continue;
    const s = thread[i];
    let evidence = s.shared;
    const { ids, weights } = s;
    for (let j = 0; j < ids.length && evidence <= max; j++) {
      const id = ids[j];
      if (seedGen[id] === gen && seedSum[id] >= support) evidence += (threadWeight * weights[j] * seedSum[id]) / k;
    }
    if (evidence > max) continue;
    offAt[offN++] = i;
  }
  return offN;
}

/** Σ weight of each stem no seed uses over the `offN` unrelated comments, kept where it is at least `min`. */
function tallyUnrelated(scratch: ThreadScratch, gen: number, thread: readonly ThreadComment[], offN: number, min: number): Tally {
  let most = 0;
  for (let u = 0; u < offN; u++) most += thread[scratch.offAt[u]].ids.length;
  scratch.fitOffIds(most);
  const { offSum, offGen, seedGen, offIds, offAt } = scratch;
  let n = 0;
  for (let u = 0; u < offN; u++) {
    const { ids, weights } = thread[offAt[u]];
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (seedGen[id] === gen) continue;
      if (offGen[id] !== gen) {
        offGen[id] = gen;
        offSum[id] = 0;
        offIds[n++] = id;
      }
      offSum[id] += weights[j];
    }
  }
  return n === 0 ? NO_TALLY : keep(offIds, n, offSum, min);
}

/**
 * Σ over `terms` found in `tally` of `weigh(weight, use)`, for uses of at least `min`; a comment that is one of the
 * tallied ones (`ownBodies`) has its own use taken out first, so it is never its own evidence.
 */
function sumOver(
  vocab: Vocabulary,
  tally: Tally,
  ownBodies: readonly string[],
  terms: readonly Term[],
  words: readonly string[],
  body: string,
  min: number,
  weigh: (weight: number, use: number) => number,
): { score: number; terms: string[] } {
  const { ids, sums } = tally;
  if (ids.length === 0) return { score: 0, terms: [] };
  const self = ownBodies.includes(body);
  let score = 0;
  const hits: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const at = find(ids, vocab.termId(t));
    if (at < 0) continue;
    let d = sums[at];
    if (self) d -= t.weight;
    if (d < min) continue;
    score += weigh(t.weight, d);
    hits.push(words[i] ?? t.stem);
  }
  return { score, terms: hits };
}
