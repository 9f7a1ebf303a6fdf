import { foldToken } from './fold.js';

/** A word of the original text: where it is (UTF-16 offsets into the original), and its folded form. */
export interface Token {
  start: number;
  end: number;
  /** Folded: lower case, no accents, homoglyphs and l33t undone, apostrophes removed. */
  norm: string;
  /** The token needed l33t/digit swaps to read. */
  leet: boolean;
  /** Had an apostrophe inside ("you're", "he'll"). */
  apos: boolean;
  /** Written in capitals in the original (at least two letters, all upper case). */
  upper: boolean;
  /** Inside quoted material: a `>` line, or text between quotation marks. */
  quoted: boolean;
  /** What separates this token from the previous one: 0 space only, 1 a comma/colon/dash, 2 a sentence end. */
  breakBefore: 0 | 1 | 2;
  /** The shared reading of the word as written (the same object for every occurrence of that spelling). */
  shape: WordShape;
}

/** `Token.breakBefore` values, by name: nothing but space, a phrase break (comma, colon, dash …), a sentence end. */
export const NO_BREAK = 0;
export const PHRASE_BREAK = 1;
export const SENTENCE_BREAK = 2;

// Letters, marks, digits, and the symbols people write inside words to dodge filters (a$$, f**k, b!tch, @ss): a
// word is a run of these, exactly the matches of /[\p{L}\p{M}\p{N}'’@$*#!|]+/gu, found by a scanner (a spec checks
// the two agree) because a regex match allocates a match array per word.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}’]$/u;

/** UTF-16 length of the word character starting at `i`; 0 when there is none. */
function wordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 64 || c === 36 || c === 42 || c === 35 || c === 33 || c === 124 ? 1 : 0;
  }
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  return WORD_CHAR.test(ch) ? ch.length : 0;
}

/** Calls `each(start, end)` for every word of `text` (as the tokenizer reads words), in order. */
export function scanTokenWords(text: string, each: (start: number, end: number) => void): void {
  scanRuns(text, wordUnit, null, each);
}

/**
 * Calls `each(start, end)` for every maximal run of the characters `unitAt` accepts (it returns the UTF-16 length
 * of the one at `i`, 0 for none), in order; with `joins`, a run also goes on over one joining character (`joins(code
 * unit)`) that stands between two accepted ones (an inner apostrophe).
 */
export function scanRuns(
  text: string,
  unitAt: (text: string, i: number) => number,
  joins: ((c: number) => boolean) | null,
  each: (start: number, end: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let u = unitAt(text, i);
    if (u === 0) {
      i++;
      continue;
    }
    const start = i;
    i += u;
    for (;;) {
      while (i < n && (u = unitAt(text, i)) > 0) i += u;
      if (joins !== null && i + 1 < n && joins(text.charCodeAt(i)) && unitAt(text, i + 1) > 0) i++;
      else break;
    }
    each(start, i);
  }
}
const TRIM_LEAD = /^['’!*#|]+/u;
const TRIM_TAIL = /['’!|@#$]+$/u;

const QUOTE_MARK = /["“«„]/;
/** What a closing quotation mark follows: a letter, a digit, or the end of a clause. */
const CLOSING_BEFORE = /[\p{L}\p{N}.!?,;:)]/u;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Ranges of quoted material: lines starting with `>` and text between “curly”, «guillemet» or paired straight
 * double quotes. Returns a flat array [start0, end0, start1, end1, ...].
 *
 * A `>` line is a quote when it repeats the comment answered (`quotedFrom`, when known), or — without it — when the
 * comment also has lines of its own; a comment made only of `>` lines is the author's own text (some people
 * write that way, and it must not hide an insult).
 */
export function quotedRanges(text: string, quotedFrom?: string | null): number[] {
  const ranges: number[] = [];
  const lines: Array<[number, number, boolean]> = [];
  let lineStart = 0;
  let ownLines = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    let i = lineStart;
    while (i < nl && (text[i] === ' ' || text[i] === '\t')) i++;
    const quote = text[i] === '>' || text.startsWith('&gt;', i);
    if (quote) lines.push([i, nl, true]);
    else if (i < nl) ownLines++;
    lineStart = nl + 1;
  }
  const source = quotedFrom && lines.length > 0 ? letters(quotedFrom) : null;
  for (const [a, b] of lines) {
    const body = letters(text.slice(a, b));
    const repeats = source !== null ? body.length > 0 && source.includes(body.slice(0, 40)) : ownLines > 0;
    if (repeats) ranges.push(a, b);
  }
  // Quotation marks (most comments have none: skip the scan).
  if (!QUOTE_MARK.test(text)) return ranges;
  let open = -1;
  let closer = '';
  // A CSV-escaped field ("…"" …"): the outer marks wrap the comment, and each doubled "" stands for one quote
  // mark of the text itself, which a tweet often leaves unpaired. Read it as the text it encodes.
  const end = text.trimEnd().length;
  const escaped = text[0] === '"' && text[end - 1] === '"' && text.includes('""');
  for (let i = escaped ? 1 : 0; i < (escaped ? end - 1 : text.length); i++) {
    const at = i;
    if (escaped && text[i] === '"' && text[i + 1] === '"' && i + 1 < end - 1) i++;
    const c = text[i];
    if (open < 0) {
      // A straight mark right after a word or a full stop and before a space or the end closes a quote that never
      // opened ('forward" it was about …'): no opening mark.
      if (c === '"' && at > 0 && CLOSING_BEFORE.test(text[at - 1]) && (i + 1 >= end || /\s/.test(text[i + 1]))) continue;
      if (c === '"' || c === '“' || c === '«' || c === '„') {
        open = i;
        closer = c === '“' || c === '„' ? '”' : c === '«' ? '»' : '"';
      }
    } else if (c === closer || (closer === '”' && c === '"') || (closer === '"' && c === '”')) {
      // Quotation marks around (nearly) the whole comment are packaging, not a quote of someone else.
      if (!(open <= 2 && i >= text.trimEnd().length - 3) && i + 1 - open < text.length * 0.8) ranges.push(open, i + 1);
      open = -1;
    }
  }
  return ranges;
}

const inRanges = (ranges: number[], pos: number): boolean => {
  for (let i = 0; i < ranges.length; i += 2) if (pos >= ranges[i] && pos < ranges[i + 1]) return true;
  return false;
};

/** HTML entities that escaped text carries ("&amp;", "&gt;", "&#39;"): not words, and their ";" ends no sentence. */
const ENTITY_RE = /&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,5});$/;
const ENTITY_NAME_RE = /^(?:amp|lt|gt|quot|apos|nbsp|#\d{1,5})$/;
const isEntityEnd = (text: string, i: number): boolean => ENTITY_RE.test(text.slice(Math.max(0, i - 7), i + 1));

function breakBetween(text: string, from: number, to: number): 0 | 1 | 2 {
  let b: 0 | 1 | 2 = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ? ! ; newline end a sentence; , : - ( ) # … separate a phrase.
    // (The ; closing an HTML entity — "&amp;" in escaped text — ends nothing.)
    if (c === 59 && isEntityEnd(text, i)) continue;
    if (c === 46 || c === 63 || c === 33 || c === 59 || c === 10 || c === 0x2026) return 2;
    // A hashtag (#) stands apart from the words around it, as a phrase of its own.
    if (c === 44 || c === 58 || c === 45 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014 || c === 35) b = 1;
  }
  return b;
}

/** What a matched word reads as; the same string always reads the same, so this is memoised (bounded). */
export interface WordShape {
  /** Characters trimmed from the front (leading quote marks, an @ of a mention). */
  lead: number;
  /** Length of the word itself after trimming. */
  length: number;
  norm: string;
  leet: boolean;
  apos: boolean;
  upper: boolean;
  /**
   * A memo slot for what one reader (a compiled lexicon) derives from the word, so it needs no look-up of its own
   * per occurrence; `memoOwner` says whose value `memo` is.
   */
  memoOwner: object | null;
  memo: unknown;
}
const SHAPE_CACHE_MAX = 100_000;
const shapeCache = new Map<string, WordShape | null>();

/** Words whose 's is "is" or "has", not a possessive: "he's", "she's", "who's", "that's", "there's". */
const CLITIC_IS = /^(?:he|she|it|who|what|that|there|here|where|how|everyone|someone|nobody)$/i;

function shapeOf(match: string): WordShape | null {
  let raw = match;
  let lead = 0;
  const l = TRIM_LEAD.exec(raw);
  if (l) {
    lead = l[0].length;
    raw = raw.slice(lead);
  }
  const tail = TRIM_TAIL.exec(raw);
  if (tail) raw = raw.slice(0, raw.length - tail[0].length);
  if (!raw) return null;
  // A leading @ opens an @-mention of a user name, not an a.
  if (raw[0] === '@') {
    lead++;
    raw = raw.slice(1);
    if (!raw) return null;
  }
  // "regime's": drop the possessive s so the word itself can match; after a pronoun it is "is" ("he's" → hes).
  if (/['’]s$/i.test(raw) && raw.length > 3 && !CLITIC_IS.test(raw.slice(0, -2))) raw = raw.slice(0, -2);
  const { text: norm, leet } = foldToken(raw);
  if (!norm) return null;
  return {
    lead,
    length: raw.length,
    norm,
    leet,
    apos: /['’]/.test(raw),
    upper: raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
    memoOwner: null,
    memo: null,
  };
}

/** The shared reading of a word as written (memoised, bounded). */
function shapeFor(word: string): WordShape | null {
  let shape = shapeCache.get(word);
  if (shape === undefined) {
    shape = shapeOf(word);
    if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.clear();
    shapeCache.set(word, shape);
  }
  return shape;
}

const CAMEL_RE = /\p{Ll}\p{Lu}/u;
const PART_RE = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;

/** Split text into tokens with original offsets. Pure; allocates only the small token array it returns. */
export function tokenize(text: string, quoted: number[] = quotedRanges(text)): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let leading = true;
  const push = (shape: WordShape, start: number, breakBefore: 0 | 1 | 2) => {
    tokens.push({
      start,
      end: start + shape.length,
      norm: shape.norm,
      leet: shape.leet,
      apos: shape.apos,
      upper: shape.upper,
      quoted: quoted.length > 0 && inRanges(quoted, start),
      breakBefore,
      shape,
    });
    prevEnd = start + shape.length;
  };
  scanTokenWords(text, (at, wordEnd) => {
    const word = text.slice(at, wordEnd);
    // "&amp;": the name of an entity is no word of the text.
    if (at > 0 && text[at - 1] === '&' && text[at + word.length] === ';' && ENTITY_NAME_RE.test(word)) return;
    // "#IdiotAlert": a hashtag in camel case is read word by word.
    if (word.length > 4 && word[0] === '#' && CAMEL_RE.test(word)) {
      PART_RE.lastIndex = 0;
      let first = true;
      for (let p = PART_RE.exec(word); p !== null; p = PART_RE.exec(word)) {
        const part = p[0];
        const ps = shapeFor(part);
        if (!ps) continue;
        const start = at + p.index;
        const breakBefore: 0 | 1 | 2 = tokens.length === 0 ? 2 : first ? breakBetween(text, prevEnd, start) : 0;
        first = false;
        leading = false;
        push(ps, start, breakBefore);
      }
      return;
    }
    const shape = shapeFor(word);
    if (shape === null) return;
    const start = at + shape.lead;
    // A comment that opens with @mentions addresses them ("@jo @sam you are …"): the words after the run start a
    // phrase of their own, as after "Jo, …".
    const mention = start > 0 && text[start - 1] === '@';
    let breakBefore: 0 | 1 | 2 = tokens.length === 0 ? 2 : breakBetween(text, prevEnd, start);
    if (leading && !mention && tokens.length > 0 && breakBefore === 0) breakBefore = 1;
    leading = leading && mention;
    push(shape, start, breakBefore);
  });
  return tokens;
}
