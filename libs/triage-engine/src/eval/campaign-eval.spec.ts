import { clusterMetrics, clusterRows } from './campaign-eval.js';

const POINT = 'The new harbour levy is daylight robbery and the mayor hid the real costs from every single ratepayer in town';
const UNRELATED = 'Lovely photos of the autumn market, the apple stalls and the brass band made my whole weekend brighter';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));

describe('campaign eval', () => {
  it('pairwise precision and recall, and false clusters', () => {
    const truth = ['x', 'x', 'x', null, null, null];
    const found = ['A', 'A', null, 'B', 'B', null];
    expect(clusterMetrics(truth, found)).toMatchObject({ tp: 1, predicted: 2, actual: 3, precision: 0.5, falseClusters: 1, clusters: 2 });
  });

  it('clusterRows gives every row its final campaign', () => {
    const rows = [POINT, UNRELATED, `${POINT}!!`].map((text, i) => ({ id: `r${i}`, text, ts: at(i) }));
    expect(clusterRows(rows)).toEqual(['r0', null, 'r0']);
  });
});
