import stopwordsIso from 'stopwords-iso';
import { STOPWORDS, stem } from '../text/nlp.js';
import { CAPACITY, OFF_TOPIC_CURVE, RELEVANCE, THREAD_FEEDBACK } from './tuning.js';

/**
 * Lexical relevance between a comment and a reference text (article, parent comment), for the off_topic rule.
 *
 * Words are folded, stopwords dropped (`stopword` list + contractions), and stemmed (`wink-porter2-stemmer`). Each
 * stem is weighted by a rough inverse-frequency proxy: words on the long general-English list of `stopwords-iso`
 * ("according", "actually", "able") weigh `RELEVANCE.commonWeight`, other words 1, so rare topical words dominate. A
 * reference text is indexed once (`ReferenceIndex`) and cached by its text; the rule itself stays pure.
 */
const COMMON: ReadonlySet<string> = new Set((stopwordsIso as Record<string, string[]>).en.map((w) => w.replace(/'/g, '')));

/**
 * A word: letters and digits, with apostrophe-joined letter parts ("don't", "o’clock") — exactly the matches of
 * /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\/gu, found by a scanner (a spec checks the two agree): a regex match
 * allocates a match array per word, and this is the rule's most repeated step.
 */
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** UTF-16 length of the letter (or, unless `lettersOnly`, digit) starting at `i`; 0 when there is none. */
function wordUnit(text: string, i: number, lettersOnly: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (!lettersOnly && c >= 48 && c <= 57) ? 1 : 0;
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  return (lettersOnly ? LETTER : LETTER_OR_DIGIT).test(ch) ? ch.length : 0;
}

/** Calls `each(start, end)` for every word of `text`, in order. */
export function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let u = wordUnit(text, i, false);
    if (u === 0) {
      i++;
      continue;
    }
    const start = i;
    i += u;
    while (i < n && (u = wordUnit(text, i, false)) > 0) i += u;
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c !== 39 && c !== 0x2019) || i + 1 >= n || (u = wordUnit(text, i + 1, true)) === 0) break;
      i += 1 + u;
      while (i < n && (u = wordUnit(text, i, true)) > 0) i += u;
    }
    each(start, i);
  }
}

export interface Term {
  /** Porter2 stem of the folded word. */
  stem: string;
  /** First five letters of the folded word: a looser key ("belgian" ~ "belgium", "israeli" ~ "israel"). */
  prefix: string;
  weight: number;
  /** The stem as a small integer (`stemId`), valid while `epoch` is the table's generation. */
  id: number;
  epoch: number;
}

const foldWord = (w: string) => {
  let out = w.toLowerCase();
  // Only decompose when needed: most words are plain ASCII.
  if (/[^\x00-\x7f]/.test(out)) out = out.normalize('NFKD').replace(/\p{M}/gu, '');
  return out.replace(/['’]/g, '');
};

/**
 * Stems as small integers, so that a thread's per-stem tallies are array slots rather than string-keyed maps (a
 * thread is new with every comment the worker judges). The table is dropped when it grows past `CAPACITY.stems`
 * (`resetStemIdsIfFull`, between comments); ids of an older generation (`stemEpoch`) are then looked up again.
 */
const stemIds = new Map<string, number>();
let stemNames: string[] = [];
let stemEpoch = 0;
function stemId(stem: string): number {
  let id = stemIds.get(stem);
  if (id === undefined) {
    id = stemNames.length;
    stemIds.set(stem, id);
    stemNames.push(stem);
  }
  return id;
}
/** The term's stem id in the current table; -1 when the stem is not in it (then no tally holds it either). */
function termId(t: Term): number {
  return t.epoch === stemEpoch ? t.id : (stemIds.get(t.stem) ?? -1);
}
function resetStemIdsIfFull(): void {
  if (stemNames.length <= CAPACITY.stems) return;
  stemIds.clear();
  stemNames = [];
  stemEpoch++;
  termCache.clear();
}
const makeTerm = (stemText: string, prefix: string, weight: number): Term =>
  Object.freeze({ stem: stemText, prefix, weight, id: stemId(stemText), epoch: stemEpoch });

/** A word as written → its term and folded form (null: not a content word). Terms are shared and never mutated. */
const termCache = new Map<string, { term: Term; word: string } | null>();

function termOf(raw: string): { term: Term; word: string } | null {
  let e = termCache.get(raw);
  if (e !== undefined) return e;
  const w = foldWord(raw);
  e =
    w.length < RELEVANCE.minWordLength || STOPWORDS.has(w) || /^\d+$/.test(w)
      ? null
      : {
          term: makeTerm(
            stem(w),
            w.length >= RELEVANCE.prefixLength ? w.slice(0, RELEVANCE.prefixLength) : '',
            COMMON.has(w) ? RELEVANCE.commonWeight : RELEVANCE.specificWeight,
          ),
          word: w,
        };
  if (termCache.size >= CAPACITY.words) termCache.clear();
  termCache.set(raw, e);
  return e;
}

/** Content terms of a text, in order (repeats kept). `words`, when given, receives each term's folded word. */
export function contentTerms(text: string, words?: string[]): Term[] {
  const out: Term[] = [];
  scanWords(text, (start, end) => {
    const e = termOf(text.slice(start, end));
    if (e === null) return;
    out.push(e.term);
    words?.push(e.word);
  });
  return out;
}

/**
 * The first occurrence of each stem, with its folded word: what `overlap` and `ThreadFeedback.score` read, computed
 * once per comment rather than once per reference.
 */
export function distinct(terms: readonly Term[], words?: readonly string[]): { terms: Term[]; words: string[] } {
  const seen = new Set<string>();
  const out: Term[] = [];
  const outWords: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    out.push(t);
    outWords.push(words?.[i] ?? t.stem);
  }
  return { terms: out, words: outWords };
}

/** A reference text's terms, indexed once. */
export class ReferenceIndex {
  readonly stems = new Map<string, number>();
  readonly prefixes = new Set<string>();
  readonly length: number;

  /** `parts`: [text, boost] pairs — the title counts more than the body. */
  constructor(parts: ReadonlyArray<readonly [string | null | undefined, number]>) {
    let len = 0;
    for (const [text, boost] of parts) {
      if (!text) continue;
      for (const t of contentTerms(text)) {
        this.stems.set(t.stem, (this.stems.get(t.stem) ?? 0) + boost);
        if (t.prefix) this.prefixes.add(t.prefix);
        len++;
      }
    }
    this.length = len;
  }
}

/** A small bounded cache of reference indexes keyed by their text (a changed article is a new key). */
export class IndexCache {
  private readonly map = new Map<string, ReferenceIndex>();
  constructor(private readonly max: number) {}

  get(key: string, build: () => ReferenceIndex): ReferenceIndex {
    let idx = this.map.get(key);
    if (idx) {
      // Refresh recency.
      this.map.delete(key);
      this.map.set(key, idx);
      return idx;
    }
    idx = build();
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, idx);
    return idx;
  }
}

export interface Overlap {
  /** Σ weight of the comment's distinct terms found in the reference (prefix matches count half). */
  shared: number;
  /** Σ weight of the comment's distinct terms. */
  total: number;
  /** Shared terms, strongest first (the stems as written in the comment's first occurrence). */
  terms: string[];
  /**
   * Whether some shared term (exact or by prefix) is not on the common-word list. A match on common words alone
   * ("no", "means", "clear") is weak evidence: it does not make a thread comment a seed, and counts less for a comment.
   */
  specific: boolean;
}

/**
 * How much of the comment's content the reference covers. `comment`: distinct terms (see `distinct`), `words` their
 * folded words. Allocates only the small result.
 */
export function overlap(comment: readonly Term[], ref: ReferenceIndex, words?: readonly string[]): Overlap {
  let shared = 0;
  let total = 0;
  let specific = false;
  const hits: Array<[string, number]> = [];
  for (let i = 0; i < comment.length; i++) {
    const t = comment[i];
    total += t.weight;
    const tf = ref.stems.get(t.stem);
    let s = 0;
    if (tf !== undefined) s = t.weight * (1 + Math.log(1 + tf) * RELEVANCE.repeatGain);
    else if (t.prefix && ref.prefixes.has(t.prefix)) s = t.weight * RELEVANCE.prefixMatch;
    if (s > 0) {
      shared += s;
      if (t.weight === RELEVANCE.specificWeight) specific = true;
      hits.push([words?.[i] ?? t.stem, s]);
    }
  }
  hits.sort((a, b) => b[1] - a[1]);
  return { shared, total, terms: hits.map((h) => h[0]), specific };
}

/**
 * Per (comment terms, article index), remembered because thread comments recur with every new comment: the comment's
 * overlap with the article, and its distinct stems the article lacks (with their weights, first occurrence order).
 */
interface SeedTerms {
  shared: number;
  /**
   * Whether some article word it shares is not on the common-word list (`Overlap.specific`): only then can it be a
   * seed. A comment that matches the article only on "no", "means" or "clear" is no sign of being on topic.
   */
  specific: boolean;
  /** Distinct stems the article lacks → the weight of their first occurrence. */
  extra: Map<string, number>;
  /** The same stems as small integers (see `stemId`) and their weights, for the thread's per-stem tallies. */
  ids: Int32Array;
  weights: Float64Array;
  /** The `stemId` table generation the ids belong to. */
  epoch: number;
}

const sharedMemo = new WeakMap<readonly Term[], WeakMap<ReferenceIndex, SeedTerms>>();
function seedTerms(terms: readonly Term[], article: ReferenceIndex): SeedTerms {
  let byArticle = sharedMemo.get(terms);
  if (!byArticle) sharedMemo.set(terms, (byArticle = new WeakMap()));
  let s = byArticle.get(article);
  if (s === undefined) {
    const extra = new Map<string, number>();
    for (const t of terms) if (!extra.has(t.stem) && !article.stems.has(t.stem)) extra.set(t.stem, t.weight);
    const { shared, specific } = overlap(distinct(terms).terms, article);
    s = { shared, specific, extra, ids: new Int32Array(0), weights: new Float64Array(0), epoch: -1 };
    byArticle.set(article, s);
  }
  if (s.epoch !== stemEpoch) {
    s.ids = new Int32Array(s.extra.size);
    s.weights = new Float64Array(s.extra.size);
    let j = 0;
    for (const [st, w] of s.extra) {
      s.ids[j] = stemId(st);
      s.weights[j++] = w;
    }
    s.epoch = stemEpoch;
  }
  return s;
}

/** Index of `id` in the ascending `ids`, or -1. */
function find(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
interface Tally {
  /** Stem ids, ascending. */
  ids: number[];
  sums: number[];
}
const NO_TALLY: Tally = Object.freeze({ ids: [], sums: [] }) as Tally;
/**
 * The ids (ascending) and sums of the first `n` tallied stems of `touched` whose sum is at least `min`: few, so a
 * plain insertion sort; most threads have none, and share one empty result.
 */
function keep(touched: Int32Array, n: number, sums: Float64Array, min: number): Tally {
  let ids: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const id = touched[i];
    if (sums[id] < min) continue;
    ids ??= [];
    let j = ids.length;
    ids.push(id);
    while (j > 0 && ids[j - 1] > id) {
      ids[j] = ids[j - 1];
      j--;
    }
    ids[j] = id;
  }
  if (ids === null) return NO_TALLY;
  const out = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = sums[ids[i]];
  return { ids, sums: out };
}

/** Scratch tallies by stem id, valid where `…Gen[id]` is the current `tallyGen` (no clearing between threads). */
let tallyGen = 0;
let seedSum = new Float64Array(CAPACITY.stemSlots);
let seedGen = new Uint32Array(CAPACITY.stemSlots);
let offSum = new Float64Array(CAPACITY.stemSlots);
let offGen = new Uint32Array(CAPACITY.stemSlots);
/** The stems tallied for the current thread, in first-seen order (seeds', then the unrelated comments'). */
let seedIds: Int32Array = new Int32Array(CAPACITY.stemList);
let offIds: Int32Array = new Int32Array(CAPACITY.stemList);
/**
 * `ThreadFeedback.lean`: the judged comment's stems (`usedAt[id]` = `useGen`) and their positions (`useSlot`), and by
 * position how many related / unrelated thread comments use the stem.
 */
let useGen = 0;
let usedAt = new Uint32Array(CAPACITY.stemSlots);
let useSlot = new Int32Array(CAPACITY.stemSlots);
let useRel = new Float64Array(CAPACITY.threadSlots);
let useUnr = new Float64Array(CAPACITY.threadSlots);
/** Thread positions of the unrelated comments. */
let offAt = new Int32Array(CAPACITY.threadSlots);
/** Thread positions of the seeds (= tallyGen). */
let seedMark = new Uint32Array(CAPACITY.threadSlots);
const grow = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};
function ensureTallies(n: number): void {
  if (n <= seedSum.length) return;
  let size = seedSum.length;
  while (size < n) size *= 2;
  seedSum = new Float64Array(size);
  seedGen = new Uint32Array(size);
  offSum = new Float64Array(size);
  offGen = new Uint32Array(size);
  seedMark = new Uint32Array(seedMark.length);
  tallyGen = 0;
  usedAt = new Uint32Array(size);
  useSlot = new Int32Array(size);
  useGen = 0;
}


/**
 * Pseudo-relevance feedback from a thread, both ways.
 *
 * On topic: the `seeds` comments most related to the article (among those sharing a word with it that is not on the
 * common-word list) are taken as on topic, and stems that at least two of them use (and the article does not) become
 * extra evidence of relevance.
 *
 * Off topic: the other comments that show (almost) no relation to the article or to the seeds are "unrelated"; words
 * they share and no seed uses are the vocabulary of another conversation (a hijacked sub-thread, a campaign, a
 * comment posted under the wrong article), and a comment that uses them is pushed towards off-topic. When the
 * unrelated comments have nothing in common (the usual case in a thread that sticks to its article), this finds
 * nothing.
 *
 * A comment is never its own evidence: its own contribution is removed when it is one of the comments counted.
 */
export class ThreadFeedback {
  /** The chosen comments' bodies (most related to the article first). */
  private readonly bodies: string[] = [];
  /** Stems at least two seeds use (by weight; ids ascending) and their Σ weight over the seeds: all `score` can count. */
  private readonly support: Tally;
  private readonly k: number;
  /** Stems the unrelated comments use at least `offSupport` times (by weight) and no seed uses, with the sums. */
  private readonly off: Tally;
  private readonly offBodies: string[] = [];
  private readonly offN: number;
  /** How often (by weight) the unrelated comments must use a word for it to count. */
  private readonly offMin: number;
  /** The thread's comments (their terms as `seedTerms` has them), bodies, and which are unrelated: what `lean` reads. */
  private readonly all: readonly SeedTerms[];
  private readonly allBodies: readonly string[];
  private readonly unrelated: Uint8Array;

  constructor(
    article: ReferenceIndex,
    comments: ReadonlyArray<readonly Term[]>,
    bodies: readonly string[],
    k = THREAD_FEEDBACK.seeds,
    threadWeight: number = OFF_TOPIC_CURVE.thread,
  ) {
    resetStemIdsIfFull();
    const seeds = comments.map((t) => seedTerms(t, article));
    const scored: number[] = [];
    for (let i = 0; i < seeds.length; i++) if (seeds[i].specific) scored.push(i);
    scored.sort((a, b) => seeds[b].shared - seeds[a].shared); // stable: ties keep thread order
    const chosen = scored.length > k ? scored.slice(0, k) : scored;
    this.k = Math.max(chosen.length, 1);

    // Σ weight of each stem over the seeds: the on-topic support a word has.
    ensureTallies(stemNames.length);
    if (tallyGen >= 0xfffffff0) {
      // The generation stamps are 32-bit: start over before they wrap.
      seedGen.fill(0);
      offGen.fill(0);
      seedMark.fill(0);
      tallyGen = 0;
    }
    const gen = ++tallyGen;
    if (seedMark.length < seeds.length) seedMark = new Uint32Array(Math.max(seeds.length, 2 * seedMark.length));
    let nSeedIds = 0;
    for (const i of chosen) {
      this.bodies.push(bodies[i]);
      seedMark[i] = gen;
      const { ids, weights } = seeds[i];
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j];
        if (seedGen[id] !== gen) {
          seedGen[id] = gen;
          seedSum[id] = 0;
          if (nSeedIds === seedIds.length) seedIds = grow(seedIds);
          seedIds[nSeedIds++] = id;
        }
        seedSum[id] += weights[j];
      }
    }
    this.support = keep(seedIds, nSeedIds, seedSum, THREAD_FEEDBACK.seedSupport);

    // The unrelated comments and the words they share that no seed uses.
    const max = THREAD_FEEDBACK.offEvidence;
    if (offAt.length < seeds.length) offAt = new Int32Array(Math.max(seeds.length, 2 * offAt.length));
    let offN = 0;
    for (let i = 0; i < seeds.length; i++) {
      if (seedMark[i] === gen) continue;
      const s = seeds[i];
      let evidence = s.shared;
      const { ids, weights } = s;
      for (let j = 0; j < ids.length && evidence <= max; j++) {
        const id = ids[j];
        if (seedGen[id] === gen && seedSum[id] >= THREAD_FEEDBACK.seedSupport) evidence += (threadWeight * weights[j] * seedSum[id]) / this.k;
      }
      if (evidence > max) continue;
      offAt[offN++] = i;
    }
    this.offN = offN;
    // Only words used often enough can count (a comment's own use is taken off later, never added): with fewer
    // unrelated comments than that, none can.
    this.offMin = Math.max(THREAD_FEEDBACK.offSupport, THREAD_FEEDBACK.offShare * offN);
    let nOffIds = 0;
    if (offN >= this.offMin) {
      for (let u = 0; u < offN; u++) {
        const { ids, weights } = seeds[offAt[u]];
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j];
          if (seedGen[id] === gen) continue;
          if (offGen[id] !== gen) {
            offGen[id] = gen;
            offSum[id] = 0;
            if (nOffIds === offIds.length) offIds = grow(offIds);
            offIds[nOffIds++] = id;
          }
          offSum[id] += weights[j];
        }
      }
    }
    this.off = nOffIds === 0 ? NO_TALLY : keep(offIds, nOffIds, offSum, this.offMin);
    // Their bodies are needed only to leave a comment's own use out, and only when some word counts.
    if (this.off.ids.length > 0) for (let j = 0; j < offN; j++) this.offBodies.push(bodies[offAt[j]]);
    this.all = seeds;
    this.allBodies = bodies;
    this.unrelated = new Uint8Array(seeds.length);
    for (let u = 0; u < offN; u++) this.unrelated[offAt[u]] = 1;
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
    ensureTallies(stemNames.length);
    if (useGen === 0xffffffff) {
      usedAt.fill(0);
      useGen = 0;
    }
    const gen = ++useGen;
    if (useRel.length < terms.length) {
      useRel = new Float64Array(2 * terms.length);
      useUnr = new Float64Array(2 * terms.length);
    }
    for (let i = 0; i < terms.length; i++) {
      const id = termId(terms[i]);
      useRel[i] = 0;
      useUnr[i] = 0;
      if (id < 0) continue;
      usedAt[id] = gen;
      useSlot[id] = i;
    }
    const self = this.allBodies.indexOf(body);
    let nRel = 0;
    let nUnr = 0;
    for (let c = 0; c < this.all.length; c++) {
      if (c === self) continue;
      const unr = this.unrelated[c] === 1;
      if (unr) nUnr++;
      else nRel++;
      const { ids, epoch } = this.all[c];
      if (epoch !== stemEpoch) continue; // the stem table was reset since this thread was built
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
   * stem, by weight) / k, for stems at least two of them use (tallied once per thread, in `support`).
   */
  score(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const k = this.k;
    return sumOver(this.support, this.bodies, terms, words, body, THREAD_FEEDBACK.seedSupport, (w, d) => (w * d) / k);
  }

  /**
   * Off-topic evidence: Σ over the comment's distinct terms of weight × (how much the unrelated comments use the
   * stem, by weight) × offScale / max(unrelated comments, offFloor), for stems they use often enough (`offMin`).
   */
  offScore(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const per = THREAD_FEEDBACK.offScale / Math.max(this.offN, THREAD_FEEDBACK.offFloor);
    return sumOver(this.off, this.offBodies, terms, words, body, this.offMin, (w, d) => w * d * per);
  }
}

/**
 * Σ over `terms` found in `tally` of `weigh(weight, use)`, for uses of at least `min`; a comment that is one of the
 * tallied ones (`ownBodies`) has its own use taken out first, so it is never its own evidence.
 */
function sumOver(
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
    const at = find(ids, termId(t));
    if (at < 0) continue;
    let d = sums[at];
    if (self) d -= t.weight;
    if (d < min) continue;
    score += weigh(t.weight, d);
    hits.push(words[i] ?? t.stem);
  }
  return { score, terms: hits };
}
