import { distinct, Vocabulary } from './terms.js';

describe('off_topic terms', () => {
  it('gives shared, identical terms for repeated words', () => {
    const words: string[] = [];
    const t = new Vocabulary().contentTerms('Budget budget BUDGET', words);
    expect(t.map((x) => x.stem)).toEqual(['budget', 'budget', 'budget']);
    expect(words).toEqual(['budget', 'budget', 'budget']);
    expect(Object.isFrozen(t[0])).toBe(true);
  });

  it.each([
    // [text, stems, weights]: stopwords, numbers and one-letter words drop out; common words weigh less.
    ['The council approved 42 new bike lanes', ['council', 'approv', 'bike', 'lane'], [1, 1, 1, 1]],
    ['Actually, according to x, nobody was able to', ['actual', 'accord', 'nobodi', 'abl'], [0.3, 0.3, 0.3, 0.3]],
  ])('%j → %j', (text, stems, weights) => {
    const t = new Vocabulary().contentTerms(text);
    expect(t.map((x) => x.stem)).toEqual(stems);
    expect(t.map((x) => x.weight)).toEqual(weights);
  });

  it('keeps the first occurrence of each stem, with its word', () => {
    const words: string[] = [];
    const terms = new Vocabulary().contentTerms('Lanes, lane, LANE and bikes', words);
    expect(distinct(terms, words).words).toEqual(['lanes', 'bikes']);
  });

  it('numbers stems per vocabulary: two compiled rules share no table', () => {
    const a = new Vocabulary();
    const b = new Vocabulary();
    a.contentTerms('pension auditor');
    const [t] = b.contentTerms('auditor');
    expect(t.id).toBe(0);
    expect(a.termId(a.contentTerms('auditor')[0])).toBe(1);
    expect(b.size).toBe(1);
  });
});
