import type { LearnedNgram, LearnedNgrams } from '@sift/shared';
import { BucketCounter, inverseNorm, marginShares } from './hashing.js';
import type { LearnedModel } from './model.js';
import { fieldsOf } from './train.js';

/**
 * The n-grams a model learned most from, as text: the model stores only hashed weights, so the texts come from the
 * comments it was trained on (the retrain calls this with its decisions and stores the result with the version's
 * metrics). Each n-gram's weight is its mean share of a comment's learned margin (log-odds, before stacking) over
 * its occurrences in those comments, in the same units as the card's "learned: 'xxx' +0.80" evidence: a word's share
 * is its unigram bucket's plus its character n-grams'; a word pair's is what the pair's own bucket adds beyond its two
 * words. N-grams seen in fewer than `minDocs` comments are left out (one comment's oddity is not what the model
 * learned). Deterministic: ties are broken by text.
 */
export function topNgrams(model: LearnedModel, rows: ReadonlyArray<{ title: string | null; body: string }>, top = 15, minDocs = 2): LearnedNgrams {
  const counter = new BucketCounter(model.hashing);
  const { idf, weights } = model;
  const stats = new Map<string, { sum: number; n: number; docs: number; lastDoc: number }>();
  const add = (text: string, share: number, doc: number) => {
    const s = stats.get(text);
    if (!s) stats.set(text, { sum: share, n: 1, docs: 1, lastDoc: doc });
    else {
      s.sum += share;
      s.n++;
      if (s.lastDoc !== doc) {
        s.docs++;
        s.lastDoc = doc;
      }
    }
  };
  rows.forEach((row, doc) => {
    for (const f of fieldsOf(row)) counter.add(f.text);
    const shares = marginShares(counter, weights, idf, inverseNorm(counter, idf));
    const texts = Array.from({ length: counter.words }, (_, i) => counter.wordText(i));
    for (let i = 0; i < counter.words; i++) {
      add(texts[i], shares.word[i], doc);
      if (i + 1 < counter.words && counter.wordField[i + 1] === counter.wordField[i]) add(`${texts[i]} ${texts[i + 1]}`, shares.pair[i], doc);
    }
    counter.clear();
  });
  const all: LearnedNgram[] = [];
  for (const [text, s] of stats) if (s.docs >= minDocs) all.push({ text, weight: round(s.sum / s.n), docs: s.docs });
  const byText = (a: LearnedNgram, b: LearnedNgram) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  return {
    positive: all.filter((g) => g.weight > 0).sort((a, b) => b.weight - a.weight || byText(a, b)).slice(0, top),
    negative: all.filter((g) => g.weight < 0).sort((a, b) => a.weight - b.weight || byText(a, b)).slice(0, top),
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
