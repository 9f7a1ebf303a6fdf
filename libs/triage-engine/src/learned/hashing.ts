/**
 * The learned scorer's features: hashed word 1–2-grams and within-word character 2–5-grams (each word padded with a
 * space on both sides, as scikit-learn's `char_wb`), counted into 2^bits buckets. Words are runs of letters, digits
 * and inner apostrophes, lower-cased; a bigram never spans two fields (title, body). Hash: FNV-1a over UTF-16 code
 * units, finished by murmur3's fmix32; each n-gram kind has its own namespace. Pure and deterministic.
 */

export interface HashingParams {
  /** log2 of the bucket count. */
  bits: number;
  wordNgrams: readonly [number, number];
  charNgrams: readonly [number, number];
  /** Longest word whose character n-grams are counted (longer ones are cut): hostile input stays linear. */
  maxCharWord: number;
  hash: 'fnv1a-fmix32';
}

export const HASHING: HashingParams = { bits: 18, wordNgrams: [1, 2], charNgrams: [2, 5], maxCharWord: 40, hash: 'fnv1a-fmix32' };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NS_WORD = 0x5bd1e995;
const NS_BIGRAM = 0x27d4eb2f;
const NS_CHAR = 0x165667b1;
const SPACE = 32;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function wordHash(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h;
}

/** One word of a field: its lower-cased text, its span in the original text and its hash. */
export interface WordOccurrence {
  field: 'title' | 'body';
  start: number;
  end: number;
  text: string;
  hash: number;
}

/** The words of a text with their spans in it. */
export function wordsOf(field: 'title' | 'body', text: string): WordOccurrence[] {
  const out: WordOccurrence[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = m[0].toLowerCase().replace(/’/g, "'");
    out.push({ field, start: m.index, end: m.index + m[0].length, text: t, hash: wordHash(t) });
  }
  return out;
}

/** Feature buckets of one text field, as calls of `emit(bucket, unit)`: unit is the word index (bigram: its first word, flagged). */
export type Emit = (bucket: number, word: number, bigram: boolean) => void;

export function emitFeatures(words: readonly WordOccurrence[], params: HashingParams, emit: Emit): void {
  const mask = (1 << params.bits) - 1;
  const [cMin, cMax] = params.charNgrams;
  for (let wi = 0; wi < words.length; wi++) {
    const w = words[wi];
    emit(fmix(w.hash ^ NS_WORD) & mask, wi, false);
    if (wi > 0 && params.wordNgrams[1] >= 2) emit(fmix(Math.imul(words[wi - 1].hash, 0x9e3779b1) ^ w.hash ^ NS_BIGRAM) & mask, wi - 1, true);
    const text = w.text;
    const len = Math.min(text.length, params.maxCharWord) + 2; // padded: ' ' + word + ' '
    for (let i = 0; i + cMin <= len; i++) {
      let h = FNV_OFFSET ^ NS_CHAR;
      const end = Math.min(len, i + cMax);
      for (let j = i; j < end; j++) {
        h = Math.imul(h ^ (j === 0 || j === len - 1 ? SPACE : text.charCodeAt(j - 1)), FNV_PRIME);
        if (j - i + 1 >= cMin) emit(fmix(h) & mask, wi, false);
      }
    }
  }
}

/**
 * Counts feature buckets into a reusable dense array (no allocation per comment): `add` a field, read `touched`
 * (the first `size` entries) and `counts`, then `clear`.
 */
export class BucketCounter {
  /** 8-bit counts, saturating at 255 (a quarter of the cache footprint of floats; 1 + ln 255 is already 6.5). */
  readonly counts: Uint8Array;
  touched: Int32Array;
  size = 0;

  constructor(readonly params: HashingParams) {
    this.counts = new Uint8Array(1 << params.bits);
    this.touched = new Int32Array(1024);
  }

  private readonly emit: Emit = (b) => {
    if (this.counts[b] === 0) {
      if (this.size === this.touched.length) {
        const next = new Int32Array(this.touched.length * 2);
        next.set(this.touched);
        this.touched = next;
      }
      this.touched[this.size++] = b;
    }
    if (this.counts[b] < 0xff) this.counts[b]++;
  };

  add(field: 'title' | 'body', text: string): WordOccurrence[] {
    const words = wordsOf(field, text);
    emitFeatures(words, this.params, this.emit);
    return words;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.counts[this.touched[i]] = 0;
    this.size = 0;
  }
}

/** A comment's raw counts as a sparse vector (training keeps one per labelled comment). */
export interface SparseCounts {
  idx: Int32Array;
  tf: Float32Array;
}

export function countsOf(counter: BucketCounter, fields: ReadonlyArray<{ field: 'title' | 'body'; text: string }>): SparseCounts {
  for (const f of fields) counter.add(f.field, f.text);
  const idx = counter.touched.slice(0, counter.size).sort();
  const tf = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) tf[i] = counter.counts[idx[i]];
  counter.clear();
  return { idx, tf };
}
