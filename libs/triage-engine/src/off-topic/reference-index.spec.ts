import { overlap, ReferenceIndex } from './reference-index.js';
import { distinct, Vocabulary } from './terms.js';

describe('off_topic reference index', () => {
  const vocab = new Vocabulary();
  const terms = (text: string) => distinct(vocab.contentTerms(text)).terms;

  it('measures overlap on stems, weighting common words down', () => {
    // "regatta" by stem, "Portuguese" ~ "Portugal" by prefix (half), "sailors" ≠ "sailing".
    const ref = new ReferenceIndex(vocab, [['Portugal wins the sailing regatta', 2]]);
    const o = overlap(terms('Portuguese sailors and the regatta crews'), ref);
    expect(o.shared).toBeGreaterThan(2);
    expect(o.terms).toEqual(['regatta', 'portugues']);
    expect(overlap(terms('I like pancakes'), ref).shared).toBe(0);
  });

  it.each([
    // [comment, specific]: a match on common words alone is not specific.
    ['Those are the first results', false],
    ['The regatta results come first', true],
  ])('%j shares something specific with the article: %s', (text, specific) => {
    const ref = new ReferenceIndex(vocab, [['First results of the regatta', 2]]);
    const o = overlap(terms(text), ref);
    expect(o.shared).toBeGreaterThan(0);
    expect(o.specific).toBe(specific);
  });
});
