import stopwordsIso from 'stopwords-iso';
import { STOPWORDS, stem } from './nlp.js';

/**
 * Lexical relevance between a comment and a reference text (article, parent comment), for the off_topic rule.
 *
 * Words are folded, stopwords dropped (`stopword` list + contractions), and stemmed (`wink-porter2-stemmer`). Each
 * stem is weighted by a rough inverse-frequency proxy: words on the long general-English list of `stopwords-iso`
 * ("according", "actually", "able") weigh `COMMON_WEIGHT`, other words 1, so rare topical words dominate. A
 * reference text is indexed once (`ReferenceIndex`) and cached by its text; the rule itself stays pure.
 */
const COMMON: ReadonlySet<string> = new Set((stopwordsIso as Record<string, string[]>).en.map((w) => w.replace(/'/g, '')));
export const COMMON_WEIGHT = 0.3;

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
}

const foldWord = (w: string) => {
  let out = w.toLowerCase();
  // Only decompose when needed: most words are plain ASCII.
  if (/[^\x00-\x7f]/.test(out)) out = out.normalize('NFKD').replace(/\p{M}/gu, '');
  return out.replace(/['’]/g, '');
};

/** A word as written → its term and folded form (null: not a content word). Terms are shared and never mutated. */
const TERM_CACHE_MAX = 100_000;
const termCache = new Map<string, { term: Term; word: string } | null>();

function termOf(raw: string): { term: Term; word: string } | null {
  let e = termCache.get(raw);
  if (e !== undefined) return e;
  const w = foldWord(raw);
  e =
    w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)
      ? null
      : { term: Object.freeze({ stem: stem(w), prefix: w.length >= 5 ? w.slice(0, 5) : '', weight: COMMON.has(w) ? COMMON_WEIGHT : 1 }), word: w };
  if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
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
  constructor(private readonly max = 512) {}

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
}

/**
 * How much of the comment's content the reference covers. `comment`: distinct terms (see `distinct`), `words` their
 * folded words. Allocates only the small result.
 */
export function overlap(comment: readonly Term[], ref: ReferenceIndex, words?: readonly string[]): Overlap {
  let shared = 0;
  let total = 0;
  const hits: Array<[string, number]> = [];
  for (let i = 0; i < comment.length; i++) {
    const t = comment[i];
    total += t.weight;
    const tf = ref.stems.get(t.stem);
    let s = 0;
    if (tf !== undefined) s = t.weight * (1 + Math.log(1 + tf) * 0.5);
    else if (t.prefix && ref.prefixes.has(t.prefix)) s = t.weight * 0.5;
    if (s > 0) {
      shared += s;
      hits.push([words?.[i] ?? t.stem, s]);
    }
  }
  hits.sort((a, b) => b[1] - a[1]);
  return { shared, total, terms: hits.map((h) => h[0]) };
}

/**
 * Pseudo-relevance feedback from a thread: the `k` comments most related to the article are taken as on topic, and
 * stems that at least two of them use (and the article does not) become extra evidence of relevance. A comment is
 * never its own evidence: its own contribution is removed when it is one of the `k`.
 */
/** overlap(terms, article).shared, remembered per (terms array, article index): thread comments recur. */
/**
 * Per (comment terms, article index), remembered because thread comments recur with every new comment: the comment's
 * overlap with the article, and its distinct stems the article lacks (with their weights, first occurrence order).
 */
interface SeedTerms {
  shared: number;
  /** Distinct stems the article lacks → the weight of their first occurrence. */
  extra: Map<string, number>;
}
const sharedMemo = new WeakMap<readonly Term[], WeakMap<ReferenceIndex, SeedTerms>>();
function seedTerms(terms: readonly Term[], article: ReferenceIndex): SeedTerms {
  let byArticle = sharedMemo.get(terms);
  if (!byArticle) sharedMemo.set(terms, (byArticle = new WeakMap()));
  let s = byArticle.get(article);
  if (s === undefined) {
    const extra = new Map<string, number>();
    for (const t of terms) if (!extra.has(t.stem) && !article.stems.has(t.stem)) extra.set(t.stem, t.weight);
    s = { shared: overlap(distinct(terms).terms, article).shared, extra };
    byArticle.set(article, s);
  }
  return s;
}

export class ThreadFeedback {
  /** The chosen comments (most related to the article first) and their bodies. */
  private readonly seeds: SeedTerms[] = [];
  private readonly bodies: string[] = [];
  private readonly k: number;

  constructor(article: ReferenceIndex, comments: ReadonlyArray<readonly Term[]>, bodies: readonly string[], k = 10) {
    const seeds = comments.map((t) => seedTerms(t, article));
    const scored: number[] = [];
    for (let i = 0; i < seeds.length; i++) if (seeds[i].shared > 0) scored.push(i);
    scored.sort((a, b) => seeds[b].shared - seeds[a].shared); // stable: ties keep thread order
    const chosen = scored.length > k ? scored.slice(0, k) : scored;
    this.k = Math.max(chosen.length, 1);
    for (const i of chosen) {
      this.seeds.push(seeds[i]);
      this.bodies.push(bodies[i]);
    }
  }

  /**
   * `terms`: the comment's distinct terms (see `distinct`). Σ over them of weight × (how many chosen comments use the stem, by weight) / k, for stems
   * at least two of them use. The counts are taken per stem asked for (no table of every stem of the chosen comments).
   */
  score(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const self = this.bodies.includes(body);
    let score = 0;
    const hits: string[] = [];
    const seeds = this.seeds;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      let d: number | undefined;
      for (let j = 0; j < seeds.length; j++) {
        const w = seeds[j].extra.get(t.stem);
        if (w !== undefined) d = d === undefined ? w : d + w;
      }
      if (d === undefined) continue;
      if (self) d -= t.weight;
      if (d < 2) continue;
      score += (t.weight * d) / this.k;
      hits.push(words[i] ?? t.stem);
    }
    return { score, terms: hits };
  }
}
