import type { SparseCounts } from './hashing.js';

/** A tf·idf vector, L2-normalised. */
export interface Vector {
  idx: Int32Array;
  val: Float32Array;
}

/** A seeded generator (mulberry32): the same seed gives the same shuffles, so the same labels give the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, next: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Smooth idf, as scikit-learn's: ln((1 + n) / (1 + df)) + 1. */
export function idfOf(docs: readonly SparseCounts[], dim: number): Float32Array {
  const df = new Float32Array(dim);
  for (const d of docs) for (let i = 0; i < d.idx.length; i++) df[d.idx[i]]++;
  const idf = new Float32Array(dim);
  const n = docs.length;
  for (let b = 0; b < dim; b++) idf[b] = Math.log((1 + n) / (1 + df[b])) + 1;
  return idf;
}

/** Sublinear tf (1 + ln tf) × idf, L2-normalised. */
export function tfidf(d: SparseCounts, idf: Float32Array): Vector {
  const val = new Float32Array(d.idx.length);
  let norm = 0;
  for (let i = 0; i < val.length; i++) {
    const x = (1 + Math.log(d.tf[i])) * idf[d.idx[i]];
    val[i] = x;
    norm += x * x;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < val.length; i++) val[i] *= inv;
  return { idx: d.idx, val };
}

export interface SgdOptions {
  /** L2 strength (scikit-learn's alpha). */
  lambda: number;
  epochs: number;
  /** Initial step; step t is eta0 / (1 + eta0 · lambda · t). */
  eta0: number;
  /** Epochs before averaging starts (the early, noisy iterates are left out of the average). */
  averageAfter: number;
  seed: number;
}

/** Chosen by 5-fold CV on the even rows of the shared Kaggle train set and checked on the odd rows (docs/eval.md). */
export const SGD_DEFAULTS: SgdOptions = { lambda: 1e-4, epochs: 10, eta0: 0.5, averageAfter: 1, seed: 15 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression by averaged SGD with L2, on sparse vectors. The weights are kept as `s · v` (the L2 shrink is
 * one multiply of `s`) and their running sum as `u + v · S` (S: the sum of `s` since averaging started), so each
 * step costs only the comment's non-zero features. `weights` (default 1 each) scale each row's gradient: a weak label
 * counts for less. Returns the averaged weights and bias.
 */
export function trainLogistic(
  xs: readonly Vector[],
  ys: readonly boolean[],
  dim: number,
  opt: SgdOptions,
  weights?: readonly number[],
): { w: Float32Array; bias: number } {
  const v = new Float64Array(dim);
  const u = new Float64Array(dim);
  let s = 1;
  let S = 0;
  let b = 0;
  let bSum = 0;
  let steps = 0;
  let averaged = 0;
  const next = rng(opt.seed);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    const averaging = epoch >= Math.min(opt.averageAfter, opt.epochs - 1);
    for (const i of shuffled(xs.length, next)) {
      const { idx, val } = xs[i];
      steps++;
      const eta = opt.eta0 / (1 + opt.eta0 * opt.lambda * steps);
      let dot = 0;
      for (let k = 0; k < idx.length; k++) dot += v[idx[k]] * val[k];
      const g = ((ys[i] ? 1 : 0) - sigmoid(s * dot + b)) * (weights ? weights[i] : 1);
      s *= 1 - eta * opt.lambda;
      if (s < 1e-9) {
        for (let j = 0; j < dim; j++) {
          u[j] += v[j] * S;
          v[j] *= s;
        }
        S = 0;
        s = 1;
      }
      const step = (eta * g) / s;
      for (let k = 0; k < idx.length; k++) {
        const d = step * val[k];
        v[idx[k]] += d;
        u[idx[k]] -= d * S;
      }
      b += eta * g;
      if (averaging) {
        S += s;
        bSum += b;
        averaged++;
      }
    }
  }
  const w = new Float32Array(dim);
  for (let j = 0; j < dim; j++) w[j] = (u[j] + v[j] * S) / averaged;
  return { w, bias: bSum / averaged };
}

export function marginOf(x: Vector, w: Float32Array, bias: number): number {
  let z = bias;
  for (let k = 0; k < x.idx.length; k++) z += w[x.idx[k]] * x.val[k];
  return z;
}
