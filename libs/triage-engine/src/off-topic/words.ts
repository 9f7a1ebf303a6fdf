/**
 * Where the words of a text start and end, and how a word is folded before it is looked up.
 *
 * A word: letters and digits, with apostrophe-joined letter parts ("don't", "o’clock") — exactly the matches of
 * /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\/gu, found by a scanner (a spec checks the two agree): a regex match allocates a
 * match array per word, and this is the rule's most repeated step.
 */
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** The two apostrophes that may join letter parts of one word: ' and ’. */
const APOSTROPHE = "'".charCodeAt(0);
const RIGHT_QUOTE = '’'.charCodeAt(0);

/** UTF-16 length of the letter (or, unless `lettersOnly`, digit) starting at `i`; 0 when there is none. */
function wordUnit(text: string, i: number, lettersOnly: boolean): number {
  const c = text.charCodeAt(i);
  // ASCII fast path, by character code: a–z, A–Z and (unless lettersOnly) 0–9.
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (!lettersOnly && c >= 48 && c <= 57) ? 1 : 0;
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  return (lettersOnly ? LETTER : LETTER_OR_DIGIT).test(ch) ? ch.length : 0;
}

/** Calls `each(start, end)` for every word of `text`, in order. */
export function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let u = wordUnit(text, i, false);
    if (u === 0) {
      i++;
      continue;
    }
    const start = i;
    i += u;
    while (i < n && (u = wordUnit(text, i, false)) > 0) i += u;
    // Apostrophe-joined letter parts belong to the word.
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c !== APOSTROPHE && c !== RIGHT_QUOTE) || i + 1 >= n || (u = wordUnit(text, i + 1, true)) === 0) break;
      i += 1 + u;
      while (i < n && (u = wordUnit(text, i, true)) > 0) i += u;
    }
    each(start, i);
  }
}

/** A word as looked up: lower case, accents removed, apostrophes dropped ("Don’t" → "dont"). */
export function foldWord(w: string): string {
  let out = w.toLowerCase();
  // Only decompose when needed: most words are plain ASCII.
  if (/[^\x00-\x7f]/.test(out)) out = out.normalize('NFKD').replace(/\p{M}/gu, '');
  return out.replace(/['’]/g, '');
}
