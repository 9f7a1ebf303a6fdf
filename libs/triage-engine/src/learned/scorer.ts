import { BucketCounter, inverseNorm, marginShares } from './hashing.js';
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
 * (no allocation per comment), so it is not shared between threads. The counter keeps the last comment scored until
 * the next, so `explainLast` reads its n-grams without featurising it again (the insult rule explains a flag only).
 */
export class LearnedScorer {
  private readonly counter: BucketCounter;
  /** weight and idf of bucket b at 2b and 2b + 1: one cache line per bucket looked up, not two. */
  private readonly packed: Float32Array;
  /** The fields of the comment last scored (the counter holds its n-grams), and 1 / its norm. */
  private last: readonly TextField[] | null = null;
  private lastInv = 0;

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
    c.clear();
    for (const f of fields) c.add(f.text);
    const packed = this.packed;
    const { touched, counts } = c;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < c.size; i++) {
      const b = touched[i];
      const n = counts[b];
      const x = (n === 1 ? 1 : 1 + Math.log(n)) * packed[2 * b + 1];
      dot += packed[2 * b] * x;
      norm += x * x;
    }
    this.last = fields;
    this.lastInv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return norm > 0 ? dot / Math.sqrt(norm) + this.model.bias : this.model.bias;
  }

  /**
   * The words and word pairs with the largest positive share of the margin, strongest first (at most `top`). A
   * word's share is its unigram's plus its character n-grams'; a bucket counted k times gives each occurrence 1/k.
   */
  explain(fields: readonly TextField[], top = 3): Contribution[] {
    const c = this.counter;
    c.clear();
    for (const f of fields) c.add(f.text);
    this.last = fields;
    this.lastInv = inverseNorm(c, this.model.idf);
    return this.explainLast(top);
  }

  /** `explain` of the comment `margin` scored last. */
  explainLast(top = 3): Contribution[] {
    const fields = this.last;
    if (!fields) throw new Error('explainLast: no comment scored yet');
    const c = this.counter;
    const shares = marginShares(c, this.model.weights, this.model.idf, this.lastInv);
    const out: Contribution[] = [];
    for (let i = 0; i < c.words; i++) {
      const w = shares.word[i];
      if (w > 0) out.push(span(fields[c.wordField[i]], c.wordStart[i], c.wordEnd[i], w));
      if (i + 1 < c.words && c.wordField[i + 1] === c.wordField[i]) {
        const p = shares.pair[i] + w + shares.word[i + 1];
        if (p > 0) out.push(span(fields[c.wordField[i]], c.wordStart[i], c.wordEnd[i + 1], p));
      }
    }
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
