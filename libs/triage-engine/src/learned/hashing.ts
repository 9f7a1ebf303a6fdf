import { scanRuns } from '../text/tokens.js';

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

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Letters and digits outside ASCII (a code point): the word characters of `[\p{L}\p{N}]`. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** UTF-16 length of the word character (a letter or digit) at `i`; 0 when there is none. */
function wordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  return WORD_CHAR.test(ch) ? ch.length : 0;
}

const APOS = 39;
const RIGHT_QUOTE = 0x2019;
const isApostrophe = (c: number) => c === APOS || c === RIGHT_QUOTE;

/** One word of a field: its lower-cased text, its span in the original text and its hash. */
export interface WordOccurrence {
  field: 'title' | 'body';
  start: number;
  end: number;
  text: string;
  hash: number;
}

const grow = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, need: number): T => {
  if (need <= a.length) return a;
  const next = new (a.constructor as { new (n: number): T })(Math.max(need, a.length * 2));
  next.set(a);
  return next;
};

/**
 * Featurises comments into a reusable dense count array (no allocation per comment, no substrings): `add` each field,
 * read `touched` (the first `size` entries) and `counts`, then `clear`. Words are found by a character scanner
 * (exactly the matches of `[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`, a spec checks it), lower-cased into a code-unit
 * buffer and hashed as they are read; every emitted n-gram is also logged (bucket, word, pair or not), so the
 * explanation and the top n-grams replay them without hashing twice. Training, scoring and explaining all use it.
 */
export class BucketCounter {
  /** 8-bit counts, saturating at 255 (a quarter of the cache footprint of floats; 1 + ln 255 is already 6.5). */
  readonly counts: Uint8Array;
  touched = new Int32Array(1024);
  size = 0;
  /** The emitted n-grams in order: bucket, and unit = 2 × word index (+1 for the pair starting at that word). */
  logBucket = new Int32Array(4096);
  logUnit = new Int32Array(4096);
  logSize = 0;
  /** Words of the fields added so far, in order: field (the how-manieth `add` since `clear`), span in its text,
   * lower-cased text (offset into `chars`). */
  wordField = new Int32Array(256);
  fields = 0;
  wordStart = new Int32Array(256);
  wordEnd = new Int32Array(256);
  wordOffset = new Int32Array(256);
  wordLength = new Int32Array(256);
  wordHashes = new Int32Array(256);
  words = 0;
  chars = new Uint16Array(4096);
  charsSize = 0;
  private readonly mask: number;
  private readonly cMin: number;
  private readonly cMax: number;
  private readonly bigrams: boolean;
  /** The padded word (' ' + word + ' ') whose character n-grams are hashed. */
  private readonly pad: Uint16Array;

  constructor(readonly params: HashingParams) {
    this.counts = new Uint8Array(1 << params.bits);
    this.mask = (1 << params.bits) - 1;
    [this.cMin, this.cMax] = params.charNgrams;
    this.bigrams = params.wordNgrams[1] >= 2;
    this.pad = new Uint16Array(params.maxCharWord + 2);
  }

  private emit(b: number, unit: number): void {
    const counts = this.counts;
    if (counts[b] === 0) {
      if (this.size === this.touched.length) this.touched = grow(this.touched, this.size + 1);
      this.touched[this.size++] = b;
    }
    if (counts[b] < 0xff) counts[b]++;
    if (this.logSize === this.logBucket.length) {
      this.logBucket = grow(this.logBucket, this.logSize + 1);
      this.logUnit = grow(this.logUnit, this.logSize + 1);
    }
    this.logBucket[this.logSize] = b;
    this.logUnit[this.logSize++] = unit;
  }

  /** Adds the next field's words and n-grams (a word pair never spans two fields). */
  add(text: string): void {
    const first = this.words;
    this.fields++;
    scanRuns(text, wordUnit, isApostrophe, (start, end) => this.word(text, start, end, first));
  }

  /** Records the word text[start, end) (lower-cased) and emits its n-grams. */
  private word(text: string, start: number, end: number, fieldFirst: number): void {
    const wi = this.words;
    if (wi === this.wordStart.length) {
      const need = wi + 1;
      this.wordField = grow(this.wordField, need);
      this.wordStart = grow(this.wordStart, need);
      this.wordEnd = grow(this.wordEnd, need);
      this.wordOffset = grow(this.wordOffset, need);
      this.wordLength = grow(this.wordLength, need);
      this.wordHashes = grow(this.wordHashes, need);
    }
    let ascii = true;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 128 && c !== RIGHT_QUOTE) {
        ascii = false;
        break;
      }
    }
    // Plain ASCII (and ’): lower-cased unit by unit. Otherwise the whole word as String#toLowerCase does it (its
    // length can change, and some letters lower-case by context, e.g. a final sigma).
    const lower = ascii ? null : text.slice(start, end).toLowerCase().replace(/’/g, "'");
    const len = lower === null ? end - start : lower.length;
    const off = this.charsSize;
    if (off + len > this.chars.length) this.chars = grow(this.chars, off + len);
    const chars = this.chars;
    let h = FNV_OFFSET;
    for (let k = 0; k < len; k++) {
      let c: number;
      if (lower === null) {
        c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        else if (c === RIGHT_QUOTE) c = APOS;
      } else c = lower.charCodeAt(k);
      chars[off + k] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    this.charsSize = off + len;
    this.wordField[wi] = this.fields - 1;
    this.wordStart[wi] = start;
    this.wordEnd[wi] = end;
    this.wordOffset[wi] = off;
    this.wordLength[wi] = len;
    this.wordHashes[wi] = h;
    this.words = wi + 1;

    const mask = this.mask;
    this.emit(fmix(h ^ NS_WORD) & mask, 2 * wi);
    if (wi > fieldFirst && this.bigrams) this.emit(fmix(Math.imul(this.wordHashes[wi - 1], 0x9e3779b1) ^ h ^ NS_BIGRAM) & mask, 2 * (wi - 1) + 1);
    const pad = this.pad;
    const cut = Math.min(len, this.params.maxCharWord);
    const padded = cut + 2; // ' ' + word + ' '
    pad[0] = SPACE;
    for (let k = 0; k < cut; k++) pad[k + 1] = chars[off + k];
    pad[cut + 1] = SPACE;
    const { cMin, cMax } = this;
    for (let s = 0; s + cMin <= padded; s++) {
      let g = FNV_OFFSET ^ NS_CHAR;
      const stop = Math.min(padded, s + cMax);
      for (let j = s; j < stop; j++) {
        g = Math.imul(g ^ pad[j], FNV_PRIME);
        if (j - s + 1 >= cMin) this.emit(fmix(g) & mask, 2 * wi);
      }
    }
  }

  /** The lower-cased text of word `i`. */
  wordText(i: number): string {
    const off = this.wordOffset[i];
    let out = '';
    for (let k = off, end = off + this.wordLength[i]; k < end; k += 4096) out += String.fromCharCode(...this.chars.subarray(k, Math.min(end, k + 4096)));
    return out;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.counts[this.touched[i]] = 0;
    this.size = 0;
    this.logSize = 0;
    this.words = 0;
    this.fields = 0;
    this.charsSize = 0;
  }
}

/** The words of a text with their spans in it (as the features read them). */
export function wordsOf(field: 'title' | 'body', text: string, counter = new BucketCounter(HASHING)): WordOccurrence[] {
  counter.clear();
  counter.add(text);
  const out: WordOccurrence[] = [];
  for (let i = 0; i < counter.words; i++) {
    out.push({ field, start: counter.wordStart[i], end: counter.wordEnd[i], text: counter.wordText(i), hash: counter.wordHashes[i] });
  }
  counter.clear();
  return out;
}

/**
 * Each word's and word pair's share of the learned margin of the comment in `counter` (its fields added): a word's
 * is its unigram's plus its character n-grams'; a pair's its own bucket's; a bucket counted k times gives each
 * occurrence 1/k. `inv` is 1 / the tf·idf vector's norm. Indexed by word (a pair by its first word).
 */
export function marginShares(counter: BucketCounter, weights: Float32Array, idf: Float32Array, inv: number): { word: Float64Array; pair: Float64Array } {
  const word = new Float64Array(counter.words);
  const pair = new Float64Array(counter.words);
  const { counts, logBucket, logUnit } = counter;
  for (let k = 0; k < counter.logSize; k++) {
    const b = logBucket[k];
    const u = logUnit[k];
    const share = (weights[b] * (1 + Math.log(counts[b])) * idf[b] * inv) / counts[b];
    if (u & 1) pair[u >> 1] += share;
    else word[u >> 1] += share;
  }
  return { word, pair };
}

/** 1 / the norm of the tf·idf vector (sublinear tf) of the comment in `counter`; 0 for an empty one. */
export function inverseNorm(counter: BucketCounter, idf: Float32Array): number {
  let norm = 0;
  for (let i = 0; i < counter.size; i++) {
    const b = counter.touched[i];
    const x = (1 + Math.log(counter.counts[b])) * idf[b];
    norm += x * x;
  }
  return norm > 0 ? 1 / Math.sqrt(norm) : 0;
}

/** A comment's raw counts as a sparse vector (training keeps one per labelled comment). */
export interface SparseCounts {
  idx: Int32Array;
  tf: Float32Array;
}

export function countsOf(counter: BucketCounter, fields: ReadonlyArray<{ field: 'title' | 'body'; text: string }>): SparseCounts {
  for (const f of fields) counter.add(f.text);
  const idx = counter.touched.slice(0, counter.size).sort();
  const tf = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) tf[i] = counter.counts[idx[i]];
  counter.clear();
  return { idx, tf };
}
