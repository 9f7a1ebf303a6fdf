/** Word-shingle similarity for near-duplicate detection (`repeat` rule). Pure and small on purpose. */

const SPLIT = /[^\p{L}\p{N}]+/u;
// `repeat` asks for the words of a text and then for its shingles: the last answer is kept (read-only).
let lastText: string | null = null;
let lastWords: readonly string[] = [];

/** Lower-cased words of letters and digits, accents folded; punctuation, spacing and case do not matter. */
export function words(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  // Only decompose when needed: most comments are plain ASCII, where NFKD and mark removal change nothing.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  const out = folded.toLowerCase().split(SPLIT).filter(Boolean);
  lastText = text;
  lastWords = out;
  return out;
}

/** Sets of word pairs (single words for very short texts). */
export function shingles(text: string): Set<string> {
  const w = words(text);
  if (w.length < 3) return new Set(w);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** Jaccard similarity of two shingle sets, 0..1. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
