/**
 * The insult rule's numbers, in one table: one line each says what it does and how it was chosen. For now the
 * lexicon's; the rule's weights still live in insult.rule.ts.
 */
export const TUNE = {
  // ---- Lexicon look-up (letters) ----
  /** Words shorter than this match only exactly (no squeezing, stems, masks or compounds); hand-set. */
  exactOnlyBelow: 3,
  /** Terms and words of at least this many letters also match through stems, squeezing and masks; hand-set. */
  fuzzyMinLetters: 4,
  /** A plain double letter ("looser") is squeezed only in words of at least this many letters once squeezed; hand-set. */
  squeezedDoubleMinLetters: 5,
  /** A word read through the stemmer may be at most this many letters shorter than the term; hand-set. */
  stemLengthSlack: 1,
  /** A split term's parts ("half" + "wit") each have at least this many letters; hand-set. */
  splitPartMinLetters: 2,
  /** The word after a run-in intensifier ("fucking" + "loser") has at least this many letters; hand-set. */
  runInMinLetters: 4,
  /** Compound words ("clownass", "libtard") have at least this many letters; hand-set. */
  compoundMinLetters: 6,
  /** The lexicon's per-word memos are cleared when they reach this size (bounded memory); hand-set. */
  memoMax: 100_000,
} as const;
