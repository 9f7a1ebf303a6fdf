import type { LearnedModelMetrics } from '@sift/shared';
import { HASHING, type HashingParams } from './hashing.js';
import type { StackWeights } from './stack.js';

/**
 * A site's learned insult model: the artifact a retrain produces and the worker loads. Everything a scorer needs
 * (hashing parameters, idf, weights, the stacker and the threshold) plus where it came from (a fingerprint of the
 * training labels) and how good it was in cross-validation. `encodeModel`/`decodeModel` turn it into plain JSON
 * (arrays as base64 Float32, the weights sparse when that is smaller) and back, checking every field.
 */
export const LEARNED_FORMAT = 1;

/** Cross-validated metrics of a model (the wire type the API serves: libs/shared). */
export type CvMetrics = LearnedModelMetrics;

export interface LearnedModel {
  format: typeof LEARNED_FORMAT;
  task: 'insult';
  hashing: HashingParams;
  /** Training documents the idf was computed over. */
  docs: number;
  idf: Float32Array;
  weights: Float32Array;
  bias: number;
  stack: StackWeights;
  /** Stacked probability at which a comment is flagged. */
  threshold: number;
  /** Of the training labels (texts, labels, order): the same labels give the same fingerprint and the same model. */
  fingerprint: string;
  seed: number;
  sgd: { lambda: number; epochs: number; eta0: number; averageAfter: number };
  cv: CvMetrics;
  /** Held-out AUC by training size, when the trainer measured it. */
  curve: Array<{ size: number; auc: number; lexiconAuc: number }>;
  /** Set by whoever stores the model (the model-versions table's version number; null in evals). */
  version: number | null;
}

export interface EncodedModel {
  format: number;
  task: string;
  hashing: HashingParams;
  docs: number;
  idf: string;
  weights: { dense: string } | { idx: string; val: string };
  bias: number;
  stack: StackWeights;
  threshold: number;
  fingerprint: string;
  seed: number;
  sgd: LearnedModel['sgd'];
  cv: CvMetrics;
  curve: LearnedModel['curve'];
  version: number | null;
}

const b64 = (a: Float32Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromB64<T extends Float32Array | Int32Array>(s: unknown, Kind: { new (b: ArrayBuffer): T }, what: string): T {
  if (typeof s !== 'string') throw new Error(`model ${what}: expected base64 text`);
  const buf = Buffer.from(s, 'base64');
  if (buf.length % 4) throw new Error(`model ${what}: length is not a multiple of 4 bytes`);
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Kind(copy);
}

export function encodeModel(m: LearnedModel): EncodedModel {
  const nz: number[] = [];
  for (let i = 0; i < m.weights.length; i++) if (m.weights[i] !== 0) nz.push(i);
  const weights =
    nz.length * 2 < m.weights.length
      ? { idx: b64(Int32Array.from(nz)), val: b64(Float32Array.from(nz, (i) => m.weights[i])) }
      : { dense: b64(m.weights) };
  return { ...m, idf: b64(m.idf), weights };
}

const finite = (x: unknown, what: string): number => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`model ${what}: expected a finite number`);
  return x;
};

/** The artifact back from JSON; throws naming the first field that is wrong. */
export function decodeModel(raw: unknown): LearnedModel {
  const e = raw as EncodedModel;
  if (!e || typeof e !== 'object') throw new Error('model: expected an object');
  if (e.format !== LEARNED_FORMAT) throw new Error(`model format ${String(e.format)} is not ${LEARNED_FORMAT}`);
  if (e.task !== 'insult') throw new Error(`model task ${String(e.task)} is not insult`);
  const h = e.hashing;
  if (!h || h.hash !== HASHING.hash || !Number.isInteger(h.bits) || h.bits < 10 || h.bits > 24) throw new Error('model hashing: unsupported parameters');
  const dim = 1 << h.bits;
  const idf = fromB64(e.idf, Float32Array, 'idf');
  if (idf.length !== dim) throw new Error(`model idf: ${idf.length} values, expected ${dim}`);
  let weights: Float32Array;
  if (e.weights && 'dense' in e.weights) weights = fromB64(e.weights.dense, Float32Array, 'weights');
  else {
    const idx = fromB64(e.weights?.idx, Int32Array, 'weights.idx');
    const val = fromB64(e.weights?.val, Float32Array, 'weights.val');
    if (idx.length !== val.length) throw new Error('model weights: idx and val differ in length');
    weights = new Float32Array(dim);
    for (let i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= dim) throw new Error(`model weights: index ${idx[i]} out of range`);
      weights[idx[i]] = val[i];
    }
  }
  if (weights.length !== dim) throw new Error(`model weights: ${weights.length} values, expected ${dim}`);
  const s = e.stack ?? ({} as StackWeights);
  const stack = { learned: finite(s.learned, 'stack.learned'), lexicon: finite(s.lexicon, 'stack.lexicon'), bias: finite(s.bias, 'stack.bias') };
  const threshold = finite(e.threshold, 'threshold');
  if (threshold < 0 || threshold > 1) throw new Error('model threshold: expected 0–1');
  return {
    format: LEARNED_FORMAT,
    task: 'insult',
    hashing: { ...HASHING, ...h },
    docs: finite(e.docs, 'docs'),
    idf,
    weights,
    bias: finite(e.bias, 'bias'),
    stack,
    threshold,
    fingerprint: String(e.fingerprint ?? ''),
    seed: finite(e.seed, 'seed'),
    sgd: e.sgd,
    cv: e.cv,
    curve: Array.isArray(e.curve) ? e.curve : [],
    version: e.version == null ? null : finite(e.version, 'version'),
  };
}

/** A 53-bit hash (cyrb53) of strings, as 14 hex digits: the training-set fingerprint. */
export function fingerprintOf(parts: Iterable<string>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    for (let i = 0; i <= part.length; i++) {
      const ch = i < part.length ? part.charCodeAt(i) : 0x1f;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
