/**
 * Character folding for matching: lower case, accents stripped, homoglyphs (Cyrillic/Greek look-alikes, fullwidth
 * forms) mapped to Latin, and l33t/digit swaps undone inside words. Folding is one character in, zero or more
 * characters out, so callers keep offsets into the original text by folding token by token.
 */

/** Look-alike letters from other scripts, folded to the Latin letter they imitate. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l', ս: 'u', ո: 'n',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  '¡': 'i', '€': 'e', '£': 'l', '¢': 'c',
};

/** Digit and symbol swaps, applied only inside a token that also has letters ("1d10t", "a$$", "b!tch"). */
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l',
};

const foldCache = new Map<string, string>();

/** Fold one character (a UTF-16 code point string) to lower-case unaccented Latin where it has a look-alike. */
export function foldChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  const lower = ch.toLowerCase();
  out = HOMOGLYPHS[lower];
  if (out === undefined) {
    // NFKD splits accents off (é → e + ◌́) and maps fullwidth/compatibility forms (ｉｄｉｏｔ → idiot).
    out = lower
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase();
    out = [...out].map((c) => HOMOGLYPHS[c] ?? c).join('');
  }
  if (foldCache.size < 10_000) foldCache.set(ch, out);
  return out;
}

/** True for a folded character that counts as a letter. */
export const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);

/**
 * Fold a token: case, accents, homoglyphs; apostrophes removed ("you're" → "youre"); l33t swaps undone when the
 * token mixes letters with digits or symbols. Returns the folded string and whether a swap was needed.
 */
export function foldToken(raw: string): { text: string; leet: boolean } {
  let letters = 0;
  let swaps = 0;
  let out = '';
  for (const ch of raw) {
    if (ch === "'" || ch === '’' || ch === '‘' || ch === 'ʼ') continue;
    const f = foldChar(ch);
    out += f;
    if (LEET[f] !== undefined) swaps++;
    else if (f !== '*' && f !== '#') letters++;
  }
  if (swaps === 0 || letters === 0) return { text: out, leet: false };
  // Ordinals and units keep their digits ("2nd", "80s", "mp3").
  if (/^\d+(st|nd|rd|th|s|k|m|am|pm|mph|kg|km|mm|cm|lbs?|yrs?)$/.test(out)) return { text: out, leet: false };
  // User names end in numbers ("brenda55", "john1987"): those digits are not letters in disguise.
  if (/\d\d$/.test(out)) return { text: out, leet: false };
  let swapped = '';
  for (const ch of out) swapped += LEET[ch] ?? ch;
  return { text: swapped, leet: true };
}

/** Collapse runs of a repeated letter: "stuuuupid" → "stupid", "looser" → "loser". */
export function squeeze(s: string): string {
  let out = '';
  let prev = '';
  for (const ch of s) {
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

/** True when the string has a run of three or more of the same character ("fuuuck"). */
export const hasLongRun = (s: string): boolean => /(.)\1\1/u.test(s);
