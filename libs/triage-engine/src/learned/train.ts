import { metrics, rocAuc } from './metrics.js';
import { BucketCounter, countsOf, HASHING, type SparseCounts } from './hashing.js';
import { type CvMetrics, fingerprintOf, LEARNED_FORMAT, type LearnedModel } from './model.js';
import { LearnedScorer, type TextField } from './scorer.js';
import { idfOf, marginOf, rng, SGD_DEFAULTS, type SgdOptions, shuffled, tfidf, trainLogistic } from './sgd.js';
import { bestThreshold, fitStack, stacked } from './stack.js';

/**
 * Training a site's insult model from labelled comments (moderators' decisions, or a labelled file replayed as
 * decisions): the one function the retrain job and the eval command both call. Each row carries the lexicon's score
 * for it (the insult rule's, computed by the caller with the site's config), which the stacker weighs beside the
 * learned model's margin.
 *
 * Steps: k-fold cross-validation gives every row an out-of-fold margin; the stacker is fitted on those margins and
 * the lexicon scores; the threshold is the F1 optimum (or the lowest reaching `minPrecision`) of the stacked
 * out-of-fold scores, which are also the reported metrics; the final model is trained on every row. With fewer than
 * `minLabels` rows, or fewer than `minPerClass` of either class, there is no model: the lexicon decides alone.
 */
export interface LabelledComment {
  title: string | null;
  body: string;
  label: boolean;
  /** The lexicon's (insult rule's) score for this comment, 0–1. */
  lexicon: number;
  /**
   * A weak label (a comment nobody decided, e.g. auto-approved and never reported within some days: a weak
   * negative) and the weight of its gradient in SGD (0–1). Weak rows only widen what the model sees: they are added
   * to every fit, never evaluated, and the stacker, threshold, CV metrics and minimum counts use the decisions alone.
   */
  weak?: number;
}

export interface TrainOptions {
  folds: number;
  minLabels: number;
  minPerClass: number;
  /** The lexicon's own threshold (for its F1 beside the model's). */
  lexiconThreshold: number;
  /** Choose the threshold for this precision instead of the F1 optimum. */
  minPrecision?: number;
  sgd: SgdOptions;
}

export const TRAIN_DEFAULTS: TrainOptions = { folds: 5, minLabels: 50, minPerClass: 10, lexiconThreshold: 0.5, sgd: SGD_DEFAULTS };

export type TrainResult = { model: LearnedModel; reason: null } | { model: null; reason: string };

export const fieldsOf = (r: { title: string | null; body: string }): TextField[] =>
  r.title ? [{ field: 'title', text: r.title }, { field: 'body', text: r.body }] : [{ field: 'body', text: r.body }];

export function trainInsultModel(all: readonly LabelledComment[], options: Partial<TrainOptions> = {}): TrainResult {
  const opt: TrainOptions = { ...TRAIN_DEFAULTS, ...options, sgd: { ...SGD_DEFAULTS, ...options.sgd } };
  const rows = all.filter((r) => r.weak === undefined);
  const weak = all.filter((r) => r.weak !== undefined);
  const labels = rows.map((r) => r.label);
  const positives = labels.filter(Boolean).length;
  if (rows.length < opt.minLabels) return { model: null, reason: `${rows.length} labels; the model needs at least ${opt.minLabels}` };
  if (Math.min(positives, rows.length - positives) < opt.minPerClass) {
    return { model: null, reason: `${positives} insults and ${rows.length - positives} others; the model needs at least ${opt.minPerClass} of each` };
  }
  const dim = 1 << HASHING.bits;
  const counter = new BucketCounter(HASHING);
  const docs = rows.map((r) => countsOf(counter, fieldsOf(r)));
  const extra: WeakRows = { docs: weak.map((r) => countsOf(counter, fieldsOf(r))), labels: weak.map((r) => r.label), weights: weak.map((r) => r.weak as number) };
  const lexicon = rows.map((r) => r.lexicon);
  const folds = foldCount(opt.folds, positives, rows.length);
  const oof = outOfFoldMargins(docs, labels, folds, dim, opt.sgd, extra);
  const stack = fitStack(oof, lexicon, labels);
  const scores = oof.map((m, i) => stacked(stack, m, lexicon[i]));
  const threshold = bestThreshold(scores, labels, opt.minPrecision);
  const trainDocs = [...docs, ...extra.docs];
  const idf = idfOf(trainDocs, dim);
  const { w, bias } = trainLogistic(
    trainDocs.map((d) => tfidf(d, idf)),
    [...labels, ...extra.labels],
    dim,
    opt.sgd,
    extra.docs.length ? [...labels.map(() => 1), ...extra.weights] : undefined,
  );
  const cv = cvMetrics(scores, threshold, oof, lexicon, opt.lexiconThreshold, labels, folds);
  const { lambda, epochs, eta0, averageAfter, seed } = opt.sgd;
  const model: LearnedModel = {
    format: LEARNED_FORMAT,
    task: 'insult',
    hashing: HASHING,
    docs: trainDocs.length,
    idf,
    weights: w,
    bias,
    stack,
    threshold,
    fingerprint: fingerprintOf(all.map((r) => `${r.label ? 1 : 0}${r.weak === undefined ? '' : `~${r.weak}`}\u0001${r.title ?? ''}\u0001${r.body}`)),
    seed,
    sgd: { lambda, epochs, eta0, averageAfter },
    cv,
    curve: [],
    version: null,
  };
  return { model, reason: null };
}

interface WeakRows {
  docs: SparseCounts[];
  labels: boolean[];
  weights: number[];
}

/** Each row's margin from a model trained on the other folds (folds assigned by a seeded shuffle), plus the weak rows. */
function outOfFoldMargins(docs: readonly SparseCounts[], labels: readonly boolean[], folds: number, dim: number, sgd: SgdOptions, weak: WeakRows): number[] {
  const fold = foldsOf(docs.length, folds, sgd.seed);
  const oof = new Array<number>(docs.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const train = docs.flatMap((_, i) => (fold[i] === k ? [] : [i]));
    const trainDocs = [...train.map((i) => docs[i]), ...weak.docs];
    const idf = idfOf(trainDocs, dim);
    const { w, bias } = trainLogistic(
      trainDocs.map((d) => tfidf(d, idf)),
      [...train.map((i) => labels[i]), ...weak.labels],
      dim,
      sgd,
      weak.docs.length ? [...train.map(() => 1), ...weak.weights] : undefined,
    );
    for (let i = 0; i < docs.length; i++) if (fold[i] === k) oof[i] = marginOf(tfidf(docs[i], idf), w, bias);
  }
  return oof;
}

/** How many CV folds: as asked, but at least 2 and no more than half the rarer class. */
export const foldCount = (asked: number, positives: number, n: number) => Math.min(asked, Math.max(2, Math.floor(Math.min(positives, n - positives) / 2)));

/** Each row's fold, by a seeded shuffle (the same seed and size give the same folds). */
export function foldsOf(n: number, folds: number, seed: number): Int32Array {
  const fold = new Int32Array(n);
  shuffled(n, rng(seed ^ 0x5eed)).forEach((row, rank) => (fold[row] = rank % folds));
  return fold;
}

/**
 * The CV metrics a model records: its out-of-fold `scores` at `threshold`, its own out-of-fold margins (`oof`), and
 * the day-0 scores (`lexicon`, at their own threshold) over the same labels.
 */
export function cvMetrics(
  scores: number[],
  threshold: number,
  oof: number[],
  lexicon: number[],
  lexiconThreshold: number,
  labels: boolean[],
  folds: number,
): CvMetrics {
  const at = (s: readonly number[], t: number) =>
    metrics(
      s,
      s.map((x) => x >= t),
      labels,
    );
  const { precision, recall, f1 } = at(scores, threshold);
  return {
    folds,
    n: labels.length,
    positives: labels.filter(Boolean).length,
    auc: rocAuc(scores, labels),
    f1,
    precision,
    recall,
    lexiconAuc: rocAuc(lexicon, labels),
    lexiconF1: at(lexicon, lexiconThreshold).f1,
    learnedAuc: rocAuc(oof, labels),
  };
}

/** Stacked scores of a trained model for comments whose lexicon scores are known. */
export function scoreWith(model: LearnedModel, rows: ReadonlyArray<{ title: string | null; body: string; lexicon: number }>): number[] {
  const scorer = new LearnedScorer(model);
  return rows.map((r) => stacked(model.stack, scorer.margin(fieldsOf(r)), r.lexicon));
}

/**
 * Held-out AUC by training size: the last `holdOut` share of the rows (every row at a position ≡ 0 mod 1/holdOut)
 * is held out; a model is trained on the first `size` of the others for each size, as the retrain does.
 */
export function learningCurve(rows: readonly LabelledComment[], sizes: readonly number[], options: Partial<TrainOptions> = {}, everyNth = 5): LearnedModel['curve'] {
  return curveOf(rows, sizes, (pool) => trainInsultModel(pool, options).model, scoreWith, everyNth);
}

/**
 * The learning curve of any learned kind: `fit` trains on the first `size` of the pool (null: too few, day 0), and
 * `score` scores the held-out rows with what it returned; day 0 is each row's `lexicon` score.
 */
export function curveOf<R extends { label: boolean; lexicon: number }, M>(
  rows: readonly R[],
  sizes: readonly number[],
  fit: (pool: readonly R[]) => M | null,
  score: (model: M, rows: readonly R[]) => number[],
  everyNth = 5,
): LearnedModel['curve'] {
  const held = rows.filter((_, i) => i % everyNth === everyNth - 1);
  const pool = rows.filter((_, i) => i % everyNth !== everyNth - 1);
  const labels = held.map((r) => r.label);
  const lexiconAuc = rocAuc(
    held.map((r) => r.lexicon),
    labels,
  );
  return sizes
    .filter((s) => s <= pool.length)
    .map((size) => {
      const model = fit(pool.slice(0, size));
      const auc = model ? rocAuc(score(model, held), labels) : lexiconAuc;
      return { size, auc, lexiconAuc };
    });
}
