/**
 * A per-thread tally of stems: the stem ids that passed a bar, ascending, with their sums. Built once per thread
 * from the scratch tables (see ThreadScratch) and read with one binary search per comment word.
 */
export interface Tally {
  /** Stem ids, ascending. */
  ids: number[];
  sums: number[];
}

/** The empty tally, shared: most threads have no word that passes the bar. */
export const NO_TALLY: Tally = Object.freeze({ ids: [], sums: [] }) as Tally;

/**
 * The ids (ascending) and sums of the first `n` tallied stems of `touched` whose sum is at least `min`: few, so a
 * plain insertion sort; when none passes, the shared empty tally.
 */
export function keep(touched: Int32Array, n: number, sums: Float64Array, min: number): Tally {
  let ids: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const id = touched[i];
    if (sums[id] < min) continue;
    ids ??= [];
    let j = ids.length;
    ids.push(id);
    while (j > 0 && ids[j - 1] > id) {
      ids[j] = ids[j - 1];
      j--;
    }
    ids[j] = id;
  }
  if (ids === null) return NO_TALLY;
  const out = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = sums[ids[i]];
  return { ids, sums: out };
}

/** Index of `id` in the ascending `ids`, or -1. */
export function find(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
