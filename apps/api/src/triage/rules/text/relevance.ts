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

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

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

/** Content terms of a text, in order (repeats kept). `words`, when given, receives each term's folded word. */
export function contentTerms(text: string, words?: string[]): Term[] {
  const out: Term[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = foldWord(m[0]);
    if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    out.push({ stem: s, prefix: w.length >= 5 ? w.slice(0, 5) : '', weight: COMMON.has(w) ? COMMON_WEIGHT : 1 });
    words?.push(w);
  }
  return out;
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

/** How much of the comment's content the reference covers. Allocates only the small result. */
export function overlap(comment: readonly Term[], ref: ReferenceIndex, words?: readonly string[]): Overlap {
  let shared = 0;
  let total = 0;
  const seen = new Set<string>();
  const hits: Array<[string, number]> = [];
  for (let i = 0; i < comment.length; i++) {
    const t = comment[i];
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
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
const sharedMemo = new WeakMap<readonly Term[], WeakMap<ReferenceIndex, number>>();
function sharedWith(terms: readonly Term[], article: ReferenceIndex): number {
  let byArticle = sharedMemo.get(terms);
  if (!byArticle) sharedMemo.set(terms, (byArticle = new WeakMap()));
  let s = byArticle.get(article);
  if (s === undefined) byArticle.set(article, (s = overlap(terms, article).shared));
  return s;
}

export class ThreadFeedback {
  private readonly df = new Map<string, number>();
  private readonly top = new Set<string>();
  private readonly k: number;

  constructor(article: ReferenceIndex, comments: ReadonlyArray<readonly Term[]>, bodies: readonly string[], k = 10) {
    const scored = comments.map((t, i) => ({ i, s: sharedWith(t, article) })).filter((x) => x.s > 0);
    scored.sort((a, b) => b.s - a.s);
    const chosen = scored.slice(0, k);
    this.k = Math.max(chosen.length, 1);
    for (const { i } of chosen) {
      this.top.add(bodies[i]);
      const seen = new Set<string>();
      for (const t of comments[i]) {
        if (seen.has(t.stem) || article.stems.has(t.stem)) continue;
        seen.add(t.stem);
        this.df.set(t.stem, (this.df.get(t.stem) ?? 0) + t.weight);
      }
    }
  }

  score(terms: readonly Term[], words: readonly string[], body: string): { score: number; terms: string[] } {
    const self = this.top.has(body);
    let score = 0;
    const seen = new Set<string>();
    const hits: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if (seen.has(t.stem)) continue;
      seen.add(t.stem);
      let d = this.df.get(t.stem);
      if (d === undefined) continue;
      if (self) d -= t.weight;
      if (d < 2) continue;
      score += (t.weight * d) / this.k;
      hits.push(words[i] ?? t.stem);
    }
    return { score, terms: hits };
  }
}
