import type { Term, Vocabulary } from './terms.js';
import { RELEVANCE } from './tuning.js';

/**
 * A reference text (the article, a parent comment) indexed once for lexical relevance: how often each stem occurs
 * (weighted by the part it is in: the title counts more than the body) and which word prefixes occur.
 */
export class ReferenceIndex {
  readonly stems = new Map<string, number>();
  readonly prefixes = new Set<string>();
  readonly length: number;

  /** `parts`: [text, boost] pairs, e.g. the title with `RELEVANCE.titleBoost`. */
  constructor(vocab: Vocabulary, parts: ReadonlyArray<readonly [string | null | undefined, number]>) {
    let len = 0;
    for (const [text, boost] of parts) {
      if (!text) continue;
      for (const t of vocab.contentTerms(text)) {
        this.stems.set(t.stem, (this.stems.get(t.stem) ?? 0) + boost);
        if (t.prefix) this.prefixes.add(t.prefix);
        len++;
      }
    }
    this.length = len;
  }
}

/** A small bounded cache of reference indexes keyed by their text (a changed text is a new key), most recent last. */
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
  /** Σ weight of the comment's distinct terms found in the reference (prefix matches count less). */
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
 * folded words. An exact stem match counts its weight and a little more for each use in the reference; a prefix
 * match a share of its weight. Allocates only the small result.
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
