import { CAPACITY } from './tuning.js';

/** The stamps are 32-bit: the tally stamps are all cleared once the generation reaches this, before they wrap. */
const TALLY_GEN_LAST = 0xfffffff0;
/** The same for the lean's stamps. */
const USE_GEN_LAST = 0xffffffff;

/**
 * Scratch tables for thread feedback, reused from thread to thread and comment to comment so that judging a comment
 * allocates next to nothing. One compiled rule owns one (in its OffTopicState, never at module level) and lends it to
 * the ThreadFeedback objects it builds; the evaluator is synchronous, so no two calls use it at once.
 *
 * Per-stem tables are indexed by stem id (see Vocabulary) and stamped with a generation: an entry counts only where
 * its stamp is the current generation, so nothing is cleared between threads. Callers size a table (`fit…`) and then
 * read it into a local: a `fit…` may replace it.
 */
export class ThreadScratch {
  /** Generation of the seed and unrelated tallies (`seedGen`, `offGen`, `seedMark`). */
  tallyGen = 0;
  /** Σ weight of each stem over the seeds, valid where `seedGen[id]` is `tallyGen`. */
  seedSum = new Float64Array(CAPACITY.stemSlots);
  seedGen = new Uint32Array(CAPACITY.stemSlots);
  /** Σ weight of each stem over the unrelated comments, valid where `offGen[id]` is `tallyGen`. */
  offSum = new Float64Array(CAPACITY.stemSlots);
  offGen = new Uint32Array(CAPACITY.stemSlots);
  /** The stems tallied for the current thread, in first-seen order (the seeds', the unrelated comments'). */
  seedIds = new Int32Array(CAPACITY.stemList);
  offIds = new Int32Array(CAPACITY.stemList);
  /** Thread positions of the seeds (marked with `tallyGen`). */
  seedMark = new Uint32Array(CAPACITY.threadSlots);
  /** Thread positions of the unrelated comments. */
  offAt = new Int32Array(CAPACITY.threadSlots);
  /**
   * `ThreadFeedback.lean`: the judged comment's stems (`usedAt[id]` is `useGen`) and their positions (`useSlot`), and
   * by position how many related / unrelated thread comments use the stem.
   */
  useGen = 0;
  usedAt = new Uint32Array(CAPACITY.stemSlots);
  useSlot = new Int32Array(CAPACITY.stemSlots);
  useRel = new Float64Array(CAPACITY.threadSlots);
  useUnr = new Float64Array(CAPACITY.threadSlots);

  /** Makes the per-stem tables hold ids below `stems` (doubling their size); new tables restart the generations. */
  fitStems(stems: number): void {
    if (stems <= this.seedSum.length) return;
    let size = this.seedSum.length;
    while (size < stems) size *= 2;
    this.seedSum = new Float64Array(size);
    this.seedGen = new Uint32Array(size);
    this.offSum = new Float64Array(size);
    this.offGen = new Uint32Array(size);
    this.seedMark = new Uint32Array(this.seedMark.length);
    this.tallyGen = 0;
    this.usedAt = new Uint32Array(size);
    this.useSlot = new Int32Array(size);
    this.useGen = 0;
  }

  /** A new generation for the seed and unrelated tallies. */
  nextTally(): number {
    if (this.tallyGen >= TALLY_GEN_LAST) {
      this.seedGen.fill(0);
      this.offGen.fill(0);
      this.seedMark.fill(0);
      this.tallyGen = 0;
    }
    return ++this.tallyGen;
  }

  /** Makes `seedMark` and `offAt` hold `comments` thread positions. */
  fitComments(comments: number): void {
    if (this.seedMark.length < comments) this.seedMark = new Uint32Array(Math.max(comments, 2 * this.seedMark.length));
    if (this.offAt.length < comments) this.offAt = new Int32Array(Math.max(comments, 2 * this.offAt.length));
  }

  /** Makes `seedIds` hold `n` ids (its contents are not kept). */
  fitSeedIds(n: number): void {
    if (this.seedIds.length < n) this.seedIds = new Int32Array(Math.max(n, 2 * this.seedIds.length));
  }

  /** Makes `offIds` hold `n` ids (its contents are not kept). */
  fitOffIds(n: number): void {
    if (this.offIds.length < n) this.offIds = new Int32Array(Math.max(n, 2 * this.offIds.length));
  }

  /** A new generation for the lean's marks. */
  nextUse(): number {
    if (this.useGen === USE_GEN_LAST) {
      this.usedAt.fill(0);
      this.useGen = 0;
    }
    return ++this.useGen;
  }

  /** Makes `useRel` and `useUnr` hold `terms` positions. */
  fitTerms(terms: number): void {
    if (this.useRel.length >= terms) return;
    this.useRel = new Float64Array(2 * terms);
    this.useUnr = new Float64Array(2 * terms);
  }
}
