import fc from 'fast-check';
import { foldToken, squeeze } from './fold.js';
import { dominantScript, englishStopwordRatio, noEnglishStopword } from './script.js';
import { quotedRanges, scanTokenWords, tokenize } from './tokens.js';

describe('text helpers', () => {
  it.each([
    ['1d10t', 'idiot'],
    ['M0R0N', 'moron'],
    ['a$$', 'ass'],
    ['b!tch', 'bitch'],
    ["you're", 'youre'],
    ['Ídíót', 'idiot'],
    ['іdіоt', 'idiot'],
    ['ｍｏｒｏｎ', 'moron'],
    ['2nd', '2nd'],
    ['brenda55', 'brenda55'],
    ['2016', '2016'],
  ])('folds %j to %j', (raw, folded) => expect(foldToken(raw).text).toBe(folded));

  it('squeezes repeated letters', () => expect(squeeze('stuuuupiiid')).toBe('stupid'));

  it('reads the same word the same way every time (memoised shapes keep offsets per occurrence)', () => {
    const text = '"idiot" and idiot, @idiot';
    const a = tokenize(text);
    const b = tokenize(text);
    expect(b).toEqual(a);
    expect(a.map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['idiot', 'idiot'],
      ['and', 'and'],
      ['idiot', 'idiot'],
      ['idiot', 'idiot'],
    ]);
  });

  it('tokenizes with offsets into the original text', () => {
    const text = '@danm You’re a f**k1ng 1d10t!!';
    const toks = tokenize(text);
    expect(toks.map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['danm', 'danm'],
      ['youre', 'You’re'],
      ['a', 'a'],
      ['f**king', 'f**k1ng'],
      ['idiot', '1d10t'],
    ]);
  });

  it('finds quoted material: > lines (when the comment has its own lines too) and quotation marks', () => {
    const text = '> you are mistaken\nNo, "idiot" is not a rebuttal.';
    const r = quotedRanges(text);
    expect(r.length).toBe(4);
    expect(text.slice(r[0], r[1])).toBe('> you are mistaken');
    expect(text.slice(r[2], r[3])).toBe('"idiot"');
    expect(quotedRanges('> only quoted lines\n> here')).toEqual([]);
  });

  it('starts a phrase after the @mentions a comment opens with, not after one inside it', () => {
    expect(tokenize('@jo @sam crazy liberals').map((t) => t.breakBefore)).toEqual([2, 0, 1, 0]);
    expect(tokenize('thanks @jo for it').map((t) => t.breakBefore)).toEqual([2, 0, 0, 0]);
  });

  it('skips HTML entities ("&amp;" is no word and its ; ends no sentence) and keeps the "is" of "he\'s"', () => {
    expect(tokenize('rude &amp; hateful').map((t) => [t.norm, t.breakBefore])).toEqual([
      ['rude', 2],
      ['hateful', 0],
    ]);
    expect(tokenize("he's off, the council's plan").map((t) => t.norm)).toEqual(['hes', 'off', 'the', 'council', 'plan']);
  });

  it('reads a camel-case hashtag word by word, with offsets into the original', () => {
    const text = 'so #IdiotAlert again';
    expect(tokenize(text).map((t) => [t.norm, text.slice(t.start, t.end), t.breakBefore])).toEqual([
      ['so', 'so', 2],
      ['idiot', 'Idiot', 1],
      ['alert', 'Alert', 0],
      ['again', 'again', 0],
    ]);
    expect(tokenize('#MAGA #maga').map((t) => t.norm)).toEqual(['maga', 'maga']);
  });

  it('reads a hashtag as a phrase of its own', () => {
    const toks = tokenize('he fibbed again #Liar #BBC');
    expect(toks.map((t) => [t.norm, t.breakBefore])).toEqual([
      ['he', 2],
      ['fibbed', 0],
      ['again', 0],
      ['liar', 1],
      ['bbc', 1],
    ]);
  });

  it('reads a CSV-escaped comment ("…"" …") as the text it encodes: "" is one quote mark, the outer ones wrap it', () => {
    // One escaped mark, left unpaired by the writer: nothing is quoted.
    expect(quotedRanges('"Cheers a lot"" for nothing, she is a liar."')).toEqual([]);
    // Two escaped marks: the words between them are quoted.
    const text = '"She wrote ""you are wrong"" and logged off."';
    const r = quotedRanges(text);
    expect(r.length).toBe(2);
    expect(text.slice(r[0], r[1])).toBe('"you are wrong""');
  });

  it('names the dominant script and the share of English function words', () => {
    expect(dominantScript('Hello world')).toBe('Latin');
    expect(dominantScript('Привет, мир')).toBe('Cyrillic');
    expect(dominantScript('!!')).toBeNull();
    expect(englishStopwordRatio('the cat is on the mat')).toBeGreaterThan(0.5);
    expect(englishStopwordRatio('hola', 5)).toBe(-1);
    expect(dominantScript('ab')).toBeNull();
    expect(dominantScript('Hello, Привет мир мир')).toBe('Cyrillic');
    for (const [text, min] of [
      ['Dies ist ein ganz anderer Satz ohne englische Wörter hier', 8],
      ['the cat is on the mat with a hat', 8],
      ['kurz', 8],
      ['', 1],
      ['uno dos tres cuatro cinco seis siete ocho', 8],
    ] as Array<[string, number]>) {
      expect(noEnglishStopword(text, min)).toBe(englishStopwordRatio(text, min) === 0);
    }
  });

  it.each([
    ['tokenizer', scanTokenWords, /[\p{L}\p{M}\p{N}'’@$*#!|]+/gu],
  ] as const)('the %s word scanner finds exactly the words of the regular expression it replaces', (_, scanner, regex) => {
    const scan = (text: string) => {
      const out: string[] = [];
      scanner(text, (a, b) => out.push(`${a}:${text.slice(a, b)}`));
      return out;
    };
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', "'", '’', 'é', 'e\u0301', 'ß', 'Ж', '日', '𝐀', '😀', '\ud835', '-', '.', "don't", 'o’clock', "it's9", "''", '٣', 'ǅ', '_', '@', '$', '*', '#', '!', '|', 'f**k', 'a$$', '\u0301', '&amp;');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(pieces, { maxLength: 25 }).map((p) => p.join(''))), (text) => {
        expect(scan(text)).toEqual([...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`));
      }),
      { numRuns: 5000 },
    );
  });
});
