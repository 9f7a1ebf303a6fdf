import { metrics, rocAuc } from './metrics.js';

describe('eval metrics', () => {
  it.each([
    [[0.1, 0.4, 0.35, 0.8], [false, false, true, true], 0.75],
    [[0.9, 0.8, 0.1, 0.2], [true, true, false, false], 1],
    [[0.5, 0.5, 0.5, 0.5], [true, false, true, false], 0.5],
    [[0.1, 0.9], [true, false], 0],
  ])('AUC of %j with %j is %d', (scores, labels, auc) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 10);
  });

  it('computes precision, recall and F1 from the flags', () => {
    const m = metrics([0.9, 0.8, 0.2, 0.6], [true, true, false, true], [true, false, true, true]);
    expect([m.tp, m.fp, m.fn]).toEqual([2, 1, 1]);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
  });
});
