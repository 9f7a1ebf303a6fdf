import { STOPWORDS } from './nlp.js';

/**
 * Writing-system and language checks for the off_topic rule: which script most letters of a text are in, and how
 * much of a text is English function words (a cheap "is this English at all" signal).
 */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana/Katakana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** The script of most letters in the text (null when it has fewer than 3 letters). Samples at most 400 letters. */
export function dominantScript(text: string): string | null {
  // Plain ASCII (most comments): its letters are all Latin.
  if (!/[^\x00-\x7f]/.test(text)) {
    let letters = 0;
    for (let i = 0; i < text.length && letters < 3; i++) {
      const code = text.charCodeAt(i);
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters++;
    }
    return letters < 3 ? null : 'Latin';
  }
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of text) {
    if (letters >= 400) break;
    const code = ch.charCodeAt(0);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
        counts.set('Latin', (counts.get('Latin') ?? 0) + 1);
        letters++;
      }
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const s = SCRIPTS.find(([, re]) => re.test(ch));
    const name = s ? s[0] : 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (letters < 3) return null;
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

/**
 * Share of words that are English stopwords. Returns -1 when the text has fewer than `minWords` words (too short to
 * judge).
 */
export function englishStopwordRatio(text: string, minWords = 1): number {
  let words = 0;
  let stop = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    words++;
    if (STOPWORDS.has(m[0].toLowerCase())) stop++;
    if (words >= 200) break;
  }
  if (words < minWords) return -1;
  return words ? stop / words : -1;
}

/**
 * `englishStopwordRatio(text, minWords) === 0`, stopping at the first English stopword: at least `minWords` words
 * (among the first 200) and not one of them a stopword.
 */
export function noEnglishStopword(text: string, minWords: number): boolean {
  let words = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    words++;
    if (STOPWORDS.has(m[0].toLowerCase())) return false;
    if (words >= 200) break;
  }
  return words > 0 && words >= minWords;
}
