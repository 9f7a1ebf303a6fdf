/**
 * Every number the off_topic rule uses, in one place, each with what it does and how it was chosen.
 *
 * "Measured" points to docs/eval.md, section off_topic and "What we tried that did not help": ROC AUC on the
 * swap-built SOCC and Fox sets (all / even / odd rows) and on the same pairs with their real threads (`--threads`,
 * 50 and 20 comments); where it records the neighbours tried, the line names them. "By hand" means no run is recorded:
 * change it only with a run of those evals. The `CAPACITY` numbers bound memory and scratch sizes; no score depends on
 * them except where a line says so.
 */

/** The rule's config defaults (what the migration seeds). */
export const OFF_TOPIC_DEFAULTS = {
  /** Score at which the rule fires. The seeded default; docs/eval.md's P / R / F1 for off_topic are at it. */
  threshold: 0.75,
  /** A reply with fewer topical words than this is judged against its parent only. By hand. */
  shortReplyTerms: 8,
} as const;

/** What an admin may set: the config schema's bounds. By hand (a threshold of 0 would flag every comment). */
export const CONFIG_BOUNDS = {
  threshold: { min: 0.05, max: 1 },
  shortReplyTerms: { min: 0, max: 100 },
} as const;

/**
 * The score: σ(bias − slope·ln(1 + relevance) + novelty·ln(1 + novel names) + offThread·ln(1 + off-thread evidence)
 * + lean·tanh(leanScale·thread lean)), where relevance = article or parent overlap (× commonOnly when only common
 * words match) + thread · thread feedback.
 */
export const OFF_TOPIC_CURVE = {
  /** Logit with no evidence at all (σ(1.4) ≈ 0.80). Calibrated on the swapped sets; no neighbours recorded. */
  bias: 1.4,
  /** How fast shared words pull the score down. Measured: 1.2 and 2 within ±0.01 or worse. */
  slope: 1.5,
  /** Push per capitalised name the reference never mentions. Measured: 0 and 0.6 within ±0.01 or worse. */
  novelty: 0.3,
  /** Score of a link-only or content-free post. By hand: above any threshold but the strictest. */
  contentFree: 0.95,
  /** Score of a post in another script or language than the article. By hand, as contentFree. */
  otherScript: 0.95,
  /** Weight of the words the thread's on-topic comments share. Measured: 1, 2.5, 3, 5 no better. */
  thread: 1.5,
  /** Weight of a side discussion's words. Chosen in the `offtopic` round; no neighbours recorded. */
  offThread: 1.5,
  /** Factor on an article overlap made of common words only. Measured: 0 / 0.25 / 0.75 worse. */
  commonOnly: 0.5,
  /** Most a thread lean moves the logit of a comment with no evidence either way. Measured: 0.02–0.2 the same. */
  lean: 0.05,
  /** How steeply the lean saturates (tanh(leanScale × lean)). Chosen with lean in the fifth round. */
  leanScale: 20,
} as const;

/** How comment words are weighed and matched against a reference text (article, parent). */
export const RELEVANCE = {
  /** Weight of a word on the common-word list (`stopwords-iso` en). Measured: 0.15 / 0.5 no better. */
  commonWeight: 0.3,
  /** Weight of any other content word; a shared word of this weight makes an overlap "specific". */
  specificWeight: 1,
  /** Words shorter than this (after folding) are not content words. By hand. */
  minWordLength: 2,
  /** Letters of the prefix key ("belgian" ~ "belgium"). Part of the measured baseline (eval.md, Notes). */
  prefixLength: 5,
  /** Share of a word's weight a prefix-only match counts. Part of the measured baseline (eval.md, Notes). */
  prefixMatch: 0.5,
  /** An exact match counts weight × (1 + repeatGain · ln(1 + uses in the reference)). By hand. */
  repeatGain: 0.5,
  /** Article title and subtitle count double against the body. Part of the measured baseline (eval.md, Notes). */
  titleBoost: 2,
  bodyBoost: 1,
  /** The parent comment's title and body count the same. By hand. */
  parentBoost: 1,
} as const;

/** Pseudo-relevance feedback from the article's thread, both ways (see ThreadFeedback). */
export const THREAD_FEEDBACK = {
  /** A thread shorter than this gives no feedback. By hand. */
  minComments: 5,
  /** Comments most related to the article that are taken as on topic. Measured: 5, 6, 8, 12, 15, 25 no better. */
  seeds: 10,
  /** Seed use (by weight) a word needs to be on-topic evidence. Measured: 1 / 3 within ±0.01. */
  seedSupport: 2,
  /** Most overlap plus seed-word evidence a non-seed has to count as unrelated. Measured: 0.5 the same. */
  offEvidence: 0.3,
  /** The unrelated comments' vocabulary: words they use at least max(offSupport, offShare × their number) times… */
  offSupport: 3,
  /** …by weight, and no seed uses. Measured: support 2 costs real threads, 2.5 and share 0.08–0.12 the same. */
  offShare: 0.1,
  /** Off-thread evidence = weight × use × offScale / max(unrelated, offFloor). Measured: 6–10 the same. */
  offScale: 8,
  /** Floor of that divisor: a handful of unrelated comments weigh little. `offtopic` round; no neighbours recorded. */
  offFloor: 20,
} as const;

/** How a post's own text is read. By hand. */
export const POST = {
  /** Most characters between a pointer ("watch", "check") and its object ("this", "here") in a content-free post. */
  pointerGap: 20,
  /** Fewest letters of a capitalised word mid-sentence that counts as a name (novelty). */
  minNameLength: 3,
} as const;

/** Posts in another language than an English article. */
export const LANGUAGE = {
  /** The only article script the English-stopword check applies to. */
  englishScript: 'Latin',
  /** An article is English when more than this share of its words are English stopwords. By hand. */
  englishRatio: 0.2,
  /** A comment is in another language when it has at least this many words and no English stopword. By hand. */
  minForeignWords: 8,
} as const;

/** What the verdict shows a moderator. By hand; no score depends on it. */
export const EVIDENCE = {
  /** Shared terms listed in the evidence (`terms`, `threadTerms`, `offThreadTerms`). */
  terms: 8,
  /** Shared terms named in the one-line summary. */
  summaryTerms: 5,
  /** Side-discussion words named in the summary. */
  sideTerms: 3,
  /** Scores and evidence figures are rounded to 1 / rounding (four decimals). */
  rounding: 10000,
} as const;

/** Cache and scratch sizes: memory bounds, by hand. Scores do not depend on them except `threadKeyChars`. */
export const CAPACITY = {
  /** Parent-comment indexes kept per rule. */
  parents: 2048,
  /** Article states (index, script, threads) kept per rule. */
  articles: 512,
  /** Thread feedbacks kept per article. */
  threadsPerArticle: 32,
  /**
   * Characters of the first and last thread comment that, with the thread's length, identify a thread in the cache.
   * Two different threads with the same key would share a feedback: the one number here a score can depend on.
   */
  threadKeyChars: 64,
  /** Thread comments whose terms are remembered per rule. */
  threadComments: 20_000,
  /** Written words whose term is remembered per rule. */
  words: 100_000,
  /** Stems with a small-integer id before the id table starts over (see Vocabulary). */
  stems: 200_000,
  /** First size of the per-stem scratch tallies (they double as the vocabulary grows). */
  stemSlots: 4096,
  /** First size of the scratch lists of tallied stems. */
  stemList: 1024,
  /** First size of the per-comment and per-term scratch (thread positions, a comment's terms). */
  threadSlots: 64,
} as const;
