import type { LearnedNgram, LearnedNgrams } from '@sift/shared';
import { BucketCounter, emitFeatures } from './hashing.js';
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
    const perField = fieldsOf(row).map((f) => counter.add(f.field, f.text));
    let norm = 0;
    for (let i = 0; i < counter.size; i++) {
      const b = counter.touched[i];
      const x = (1 + Math.log(counter.counts[b])) * idf[b];
      norm += x * x;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const share = (b: number) => (weights[b] * (1 + Math.log(counter.counts[b])) * idf[b] * inv) / counter.counts[b];
    for (const words of perField) {
      const wordShare = new Float64Array(words.length);
      const pairShare = new Float64Array(words.length);
      emitFeatures(words, model.hashing, (b, wi, bigram) => {
        if (bigram) pairShare[wi] += share(b);
        else wordShare[wi] += share(b);
      });
      for (let i = 0; i < words.length; i++) {
        add(words[i].text, wordShare[i], doc);
        if (i + 1 < words.length) add(`${words[i].text} ${words[i + 1].text}`, pairShare[i], doc);
      }
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
