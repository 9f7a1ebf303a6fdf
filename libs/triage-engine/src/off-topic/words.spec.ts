import fc from 'fast-check';
import { foldWord, scanWords } from './words.js';

describe('off_topic words', () => {
  it.each([
    ['off_topic', scanWords, /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu],
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

  it.each([
    ['Budget', 'budget'],
    ["Don’t", 'dont'],
    ["o'clock", 'oclock'],
    ['Café', 'cafe'],
    ['ÉCOLE', 'ecole'],
  ])('folds %j to %j', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});
