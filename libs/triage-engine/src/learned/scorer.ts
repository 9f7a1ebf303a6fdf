import { BucketCounter, emitFeatures } from './hashing.js';
import type { LearnedModel } from './model.js';

export type TextField = { field: 'title' | 'body'; text: string };

/** One n-gram that pushed the score: a word (with its character n-grams) or a word pair, and its span. */
export interface Contribution {
  field: 'title' | 'body';
  start: number;
  end: number;
  /** The original text of the span. */
  text: string;
  /** Its share of the margin, in log-odds. */
  weight: number;
}

/**
 * Scores comments with a learned model: the margin w · x + b of the comment's tf·idf vector (margin), and which of
 * its words and word pairs contributed most (explain). One instance per compiled rule: it keeps a counting buffer
 * (no allocation per comment), so it is not shared between threads.
 */
export class LearnedScorer {
  private readonly counter: BucketCounter;
  /** weight and idf of bucket b at 2b and 2b + 1: one cache line per bucket looked up, not two. */
  private readonly packed: Float32Array;

  constructor(readonly model: LearnedModel) {
    this.counter = new BucketCounter(model.hashing);
    this.packed = new Float32Array(model.weights.length * 2);
    for (let b = 0; b < model.weights.length; b++) {
      this.packed[2 * b] = model.weights[b];
      this.packed[2 * b + 1] = model.idf[b];
    }
  }

  /** The learned model's log-odds for a comment (before stacking). */
  margin(fields: readonly TextField[]): number {
    const c = this.counter;
    for (const f of fields) c.add(f.field, f.text);
    const packed = this.packed;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < c.size; i++) {
      const b = c.touched[i];
      const n = c.counts[b];
      const x = (n === 1 ? 1 : 1 + Math.log(n)) * packed[2 * b + 1];
      dot += packed[2 * b] * x;
      norm += x * x;
    }
    c.clear();
    return norm > 0 ? dot / Math.sqrt(norm) + this.model.bias : this.model.bias;
  }

  /**
   * The words and word pairs with the largest positive share of the margin, strongest first (at most `top`). A
   * word's share is its unigram's plus its character n-grams'; a bucket counted k times gives each occurrence 1/k.
   */
  explain(fields: readonly TextField[], top = 3): Contribution[] {
    const c = this.counter;
    const perField = fields.map((f) => ({ f, words: c.add(f.field, f.text) }));
    const { idf, weights } = this.model;
    let norm = 0;
    for (let i = 0; i < c.size; i++) {
      const b = c.touched[i];
      const x = (1 + Math.log(c.counts[b])) * idf[b];
      norm += x * x;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const share = (b: number) => (weights[b] * (1 + Math.log(c.counts[b])) * idf[b] * inv) / c.counts[b];
    const out: Contribution[] = [];
    for (const { f, words } of perField) {
      const wordShare = new Float64Array(words.length);
      const pairShare = new Float64Array(words.length);
      emitFeatures(words, this.model.hashing, (b, wi, bigram) => {
        if (bigram) pairShare[wi] += share(b);
        else wordShare[wi] += share(b);
      });
      for (let i = 0; i < words.length; i++) {
        out.push(span(f, words[i].start, words[i].end, wordShare[i]));
        if (i + 1 < words.length) out.push(span(f, words[i].start, words[i + 1].end, pairShare[i] + wordShare[i] + wordShare[i + 1]));
      }
    }
    c.clear();
    return pickTop(out, top);
  }
}

function span(f: TextField, start: number, end: number, weight: number): Contribution {
  return { field: f.field, start, end, text: f.text.slice(start, end), weight };
}

/** The strongest positive contributions that do not overlap one already picked. */
function pickTop(all: Contribution[], top: number): Contribution[] {
  const picked: Contribution[] = [];
  for (const c of all.filter((x) => x.weight > 0).sort((a, b) => b.weight - a.weight || a.start - b.start)) {
    if (picked.length >= top) break;
    if (picked.some((p) => p.field === c.field && p.start < c.end && c.start < p.end)) continue;
    picked.push(c);
  }
  return picked;
}
