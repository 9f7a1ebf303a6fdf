import { inventedDecisions } from './invented-corpus.js';
import { topNgrams } from './top-ngrams.js';
import { trainInsultModel } from './train.js';

describe('learned model: top n-grams as text', () => {
  const rows = inventedDecisions(240, 5);
  const { model } = trainInsultModel(rows);

  it('names the made-up insults as the strongest positive n-grams and civil words as negative ones', () => {
    const top = topNgrams(model!, rows, 10);
    const names = ['glorbnik', 'snarfwit', 'blunderkopf', 'muckle', 'brain', 'dimwhistle'];
    expect(top.positive.slice(0, 3).every((g) => names.some((n) => g.text.includes(n)))).toBe(true);
    expect(top.negative.length).toBeGreaterThan(0);
    expect(top.negative.some((g) => names.some((n) => g.text.includes(n)))).toBe(false);
    expect(top.positive.every((g, i) => g.weight > 0 && (i === 0 || g.weight <= top.positive[i - 1].weight))).toBe(true);
    expect(top.negative.every((g, i) => g.weight < 0 && (i === 0 || g.weight >= top.negative[i - 1].weight))).toBe(true);
    expect([...top.positive, ...top.negative].every((g) => g.docs >= 2)).toBe(true);
  });

  it('is deterministic and leaves out n-grams of a single decision', () => {
    const once = [...rows, { title: null, body: 'zzyzx qwombat', label: true, lexicon: 0 }];
    const a = topNgrams(model!, once, 50);
    expect(a).toEqual(topNgrams(model!, once, 50));
    expect([...a.positive, ...a.negative].some((g) => g.text.includes('qwombat'))).toBe(false);
    const all = topNgrams(model!, once, 100_000, 1);
    expect([...all.positive, ...all.negative].some((g) => g.text === 'qwombat' && g.docs === 1)).toBe(true);
  });
});
