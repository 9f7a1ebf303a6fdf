import { squeeze } from '../text/fold.js';
import { STOPWORDS, stem } from '../text/nlp.js';
import { tokenize } from '../text/tokens.js';

/**
 * Near-duplicate signatures for campaigns (issue 18): what is compared, and how it is looked up.
 *
 * A text is read as the set of its content words: the engine's tokenizer and folding (case, accents, look-alikes,
 * l33t, apostrophes), letter runs squeezed ("sooo" → "so"), stopwords dropped, Snowball stems ("votes" = "voted").
 * Emoji, punctuation and spacing are not words, so they change nothing; a typo or a swapped word costs one word;
 * word order does not matter; an added sentence adds its words. Two texts are alike by the Jaccard similarity of
 * those sets.
 *
 * The set is summarised by a MinHash signature (`CAMPAIGN_SIGNATURE.hashes` minimums of independent 32-bit hashes:
 * the share of equal minimums estimates the Jaccard similarity), cut into `bands` bands of `rows` minimums each. Two
 * texts with similarity s share at least one band with probability 1 − (1 − s^rows)^bands: the band keys are what
 * Postgres indexes, so a new comment finds its candidates by an index probe, and only those are compared.
 * Why MinHash and these numbers, measured: docs/eval.md, "Campaigns".
 */
export const CAMPAIGN_SIGNATURE = {
  /** MinHash values per text. 96: the estimate's standard error at s = 0.5 is 0.05. */
  hashes: 96,
  /**
   * Bands × rows = hashes. 32 bands of 3: a pair at s = 0.4 is a candidate with probability 0.88 (a campaign member
   * needs only one of its earlier members found), at 0.1 with 0.03 (32 bands of 2 gave 0.27: at a million signatures
   * every probe hit the 200-candidate cap; docs/benchmarks.md "Campaign lookup").
   */
  bands: 32,
  rows: 3,
} as const;

/** A text's content words, folded and stemmed, with where each came from in the original (UTF-16 offsets). */
export interface CampaignWord {
  stem: string;
  start: number;
  end: number;
}

export interface CampaignSignature {
  /** Distinct content words (after stopwords); a text with fewer than the config's minimum never joins a cluster. */
  words: number;
  /** MinHash values (`CAMPAIGN_SIGNATURE.hashes`, unsigned 32-bit as signed int32 so Postgres int4[] holds them). */
  minhash: number[];
  /** Band keys: band index × 2³² + the band's 32-bit hash; safe integers, stored as Postgres bigint. */
  bands: number[];
}

/** A link, read as one word: its host ("youtube.com/watch?v=…" and "youtube.com/watch?v=…" are one word, not six). */
const URL = /\b(?:https?:\/\/|www\.)([^\s/?#]+)[^\s]*/giu;

/** The content words of a text, in order (repeats kept; `signature` takes the distinct ones). */
export function campaignWords(text: string): CampaignWord[] {
  const out: CampaignWord[] = [];
  // Links are blanked (same length: offsets stay true) and each counts as its host.
  const hosts: CampaignWord[] = [];
  const plain = text.replace(URL, (m: string, host: string, offset: number) => {
    hosts.push({ stem: host.toLowerCase().replace(/^www\./, ''), start: offset, end: offset + m.length });
    return ' '.repeat(m.length);
  });
  out.push(...hosts);
  for (const t of tokenize(plain, [])) {
    const folded = squeeze(t.norm.replace(/[^\p{L}\p{N}]+/gu, ''));
    if (folded.length < 2 || STOPWORDS.has(folded)) continue;
    out.push({ stem: stem(folded), start: t.start, end: t.end });
  }
  return hosts.length ? out.sort((x, y) => x.start - y.start) : out;
}

/** 32-bit FNV-1a of a string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a good mix of x, salted per hash function. */
function mix(x: number, salt: number): number {
  let h = (x ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fixed salts, one per hash function (a deterministic sequence: signatures stored today match tomorrow's). */
const SALTS = Array.from({ length: CAMPAIGN_SIGNATURE.hashes }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The distinct stems of a text, hashed. */
export function wordHashes(text: string): Set<number> {
  return new Set(campaignWords(text).map((w) => fnv(w.stem)));
}

/** The MinHash signature and band keys of a text. */
export function signature(text: string): CampaignSignature {
  const hashes = wordHashes(text);
  const { hashes: k, bands, rows } = CAMPAIGN_SIGNATURE;
  const min = new Array<number>(k).fill(0xffffffff);
  for (const x of hashes) {
    for (let i = 0; i < k; i++) {
      const v = mix(x, SALTS[i]);
      if (v < min[i]) min[i] = v;
    }
  }
  const keys: number[] = [];
  if (hashes.size > 0) {
    for (let b = 0; b < bands; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) h = mix(min[b * rows + r], h);
      keys.push(b * 2 ** 32 + h);
    }
  }
  return { words: hashes.size, minhash: min.map((v) => v | 0), bands: keys };
}

/** Estimated Jaccard similarity of two texts from their signatures: the share of equal MinHash values. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
