import { type CvMetrics, fingerprintOf, type LearnedModel } from './model.js';
import { rocAuc } from './metrics.js';
import { bestThreshold, fitNewton, sigmoid } from './stack.js';
import { curveOf, cvMetrics, foldCount, foldsOf } from './train.js';

/**
 * A site's learned off-topic model (issue 15, item 5): a small logistic regression over the off_topic rule's own
 * features (what the rule reads of a comment, `OFF_TOPIC_FEATURES`), fitted on the site's off-topic decisions, in
 * place of the hand-set curve (off-topic/tuning.ts, `OFF_TOPIC_CURVE`). Features are standardised with the training
 * rows' mean and spread (stored), the weights fitted by Newton's method with an L2 ridge (`fitNewton`, the stacker's
 * solver), the threshold chosen on out-of-fold scores as the insult model's. Pure and deterministic: the folds come
 * from a seeded shuffle, Newton has no randomness. With too few decisions there is no model: day 0's curve decides.
 */
export const OFF_TOPIC_FORMAT = 1;

/** The features, in vector order. Every one is 0 when it does not apply (no thread, no parent, a content-free post). */
export const OFF_TOPIC_FEATURES = [
  /** Day 0's logit (the hand-set curve's, content-free and other-script posts included): the model starts from it. */
  'dayZero',
  /** ln(1 + relevance): what day 0's curve weighs (article or parent overlap, plus the thread's on-topic words). */
  'relevance',
  /** ln(1 + overlap with the article), ln(1 + overlap with the parent comment), each on its own. */
  'article',
  'parent',
  /** 1 when some shared article word is off the common-word list. */
  'articleSpecific',
  /** ln(1 + the thread's on-topic evidence), ln(1 + a side discussion's evidence), the lean (tanh). */
  'threadRel',
  'offThread',
  'lean',
  /** Cosine of the comment's words with the centroid of its thread, and of the thread's seeds (its most on-topic comments). */
  'threadCosine',
  'seedCosine',
  /** Cosine with the centroid of the thread's comments unrelated to the article (see ThreadFeedback). */
  'unrelatedCosine',
  /** Link-only or content-free; another script or language than the article. */
  'contentFree',
  'otherScript',
  /** ln(1 + the comment's topical words). */
  'length',
] as const;
const DAY_ZERO = 0;
export type OffTopicFeature = (typeof OFF_TOPIC_FEATURES)[number];
export const OFF_TOPIC_FEATURE_INDEX = Object.fromEntries(OFF_TOPIC_FEATURES.map((f, i) => [f, i])) as Record<OffTopicFeature, number>;

export interface OffTopicModel {
  format: typeof OFF_TOPIC_FORMAT;
  task: 'off_topic';
  /** Feature names in weight order (a model trained on other features does not load). */
  features: string[];
  /** Standardisation: x' = (x − mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability at which a comment is flagged. */
  threshold: number;
  ridge: number;
  seed: number;
  fingerprint: string;
  cv: CvMetrics;
  curve: LearnedModel['curve'];
  version: number | null;
}

/** One off-topic decision: the rule's features of the comment (with its article, parent and thread), the label, and day 0's score. */
export interface OffTopicDecision {
  features: readonly number[];
  label: boolean;
  /** Day 0's score (the curve's): the CV metrics' baseline and the learning curve's. */
  lexicon: number;
  /** Identifies the comment in the training fingerprint (its text). */
  key: string;
}

export interface OffTopicTrainOptions {
  folds: number;
  minLabels: number;
  minPerClass: number;
  /** L2 strength on the standardised features. */
  ridge: number;
  /** Day 0's threshold (its F1 beside the model's). */
  dayZeroThreshold: number;
  minPrecision?: number;
  seed: number;
}

/** Chosen on the even rows of the swapped sets, checked on the odd rows and across sets (docs/eval.md). */
export const OFF_TOPIC_TRAIN_DEFAULTS: OffTopicTrainOptions = { folds: 5, minLabels: 60, minPerClass: 20, ridge: 10, dayZeroThreshold: 0.75, seed: 15 };

export type OffTopicTrainResult = { model: OffTopicModel; reason: null } | { model: null; reason: string };

export function trainOffTopicModel(rows: readonly OffTopicDecision[], options: Partial<OffTopicTrainOptions> = {}): OffTopicTrainResult {
  const opt = { ...OFF_TOPIC_TRAIN_DEFAULTS, ...options };
  const labels = rows.map((r) => r.label);
  const positives = labels.filter(Boolean).length;
  if (rows.length < opt.minLabels) return { model: null, reason: `${rows.length} off-topic labels; the model needs at least ${opt.minLabels}` };
  if (Math.min(positives, rows.length - positives) < opt.minPerClass) {
    return { model: null, reason: `${positives} off-topic and ${rows.length - positives} on-topic; the model needs at least ${opt.minPerClass} of each` };
  }
  const folds = foldCount(opt.folds, positives, rows.length);
  const fold = foldsOf(rows.length, folds, opt.seed);
  const oof = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const m = fit(
      rows.filter((_, i) => fold[i] !== k),
      opt.ridge,
    );
    rows.forEach((r, i) => {
      if (fold[i] === k) oof[i] = marginOf(m, r.features);
    });
  }
  const scores = oof.map(sigmoid);
  const threshold = bestThreshold(scores, labels, opt.minPrecision);
  const lexicon = rows.map((r) => r.lexicon);
  const cv = cvMetrics(scores, threshold, oof, lexicon, opt.dayZeroThreshold, labels, folds);
  const model: OffTopicModel = {
    format: OFF_TOPIC_FORMAT,
    task: 'off_topic',
    features: [...OFF_TOPIC_FEATURES],
    ...fit(rows, opt.ridge),
    threshold,
    ridge: opt.ridge,
    seed: opt.seed,
    fingerprint: fingerprintOf(rows.map((r) => `${r.label ? 1 : 0}\u0001${r.key}`)),
    cv,
    curve: [],
    version: null,
  };
  return { model, reason: null };
}

type Fitted = Pick<OffTopicModel, 'mean' | 'scale' | 'weights' | 'bias'>;

/** Standardise on these rows, then Newton with the ridge on every feature (a constant feature gets weight 0). */
function fit(rows: readonly OffTopicDecision[], ridge: number): Fitted {
  const d = OFF_TOPIC_FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r.features[j] / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) scale[j] += (r.features[j] - mean[j]) ** 2 / rows.length;
  for (let j = 0; j < d; j++) scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
  const xs = rows.map((r) => r.features.map((x, j) => (x - mean[j]) / scale[j]));
  const beta = fitNewton(
    xs,
    rows.map((r) => r.label),
    { ridge: new Array<number>(d).fill(ridge), offset: rows.map((r) => r.features[DAY_ZERO]), maxStep: 2 },
  );
  return { mean, scale, weights: beta.slice(0, d), bias: beta[d] };
}

/** The model's log-odds for a feature vector: day 0's logit plus the learned correction. */
export function marginOf(m: Fitted, features: readonly number[]): number {
  let z = features[DAY_ZERO] + m.bias;
  for (let j = 0; j < m.weights.length; j++) z += (m.weights[j] * (features[j] - m.mean[j])) / m.scale[j];
  return z;
}

/** Each feature's share of the margin (log-odds against the training mean), in feature order. */
export function contributions(m: Fitted, features: readonly number[]): number[] {
  return m.weights.map((w, j) => (w * (features[j] - m.mean[j])) / m.scale[j]);
}

export const scoreOffTopic = (m: OffTopicModel, rows: ReadonlyArray<{ features: readonly number[] }>): number[] => rows.map((r) => sigmoid(marginOf(m, r.features)));

/** Held-out AUC by training size (see `curveOf`), as the retrain stores it. */
export function offTopicLearningCurve(rows: readonly OffTopicDecision[], sizes: readonly number[], options: Partial<OffTopicTrainOptions> = {}, everyNth = 5): LearnedModel['curve'] {
  return curveOf(rows, sizes, (pool) => trainOffTopicModel(pool, options).model, scoreOffTopic, everyNth);
}

/** AUC of a model on decisions (held-out checks). */
export const offTopicAuc = (m: OffTopicModel, rows: readonly OffTopicDecision[]) =>
  rocAuc(
    scoreOffTopic(m, rows),
    rows.map((r) => r.label),
  );

/** The artifact as JSON (it is small: plain numbers) and back, checking every field. */
export function encodeOffTopicModel(m: OffTopicModel): OffTopicModel {
  return { ...m, features: [...m.features], mean: [...m.mean], scale: [...m.scale], weights: [...m.weights] };
}

export function decodeOffTopicModel(raw: unknown): OffTopicModel {
  const e = raw as OffTopicModel;
  if (!e || typeof e !== 'object') throw new Error('off-topic model: expected an object');
  if (e.format !== OFF_TOPIC_FORMAT) throw new Error(`off-topic model format ${String(e.format)} is not ${OFF_TOPIC_FORMAT}`);
  if (e.task !== 'off_topic') throw new Error(`model task ${String(e.task)} is not off_topic`);
  const d = OFF_TOPIC_FEATURES.length;
  if (!Array.isArray(e.features) || e.features.length !== d || e.features.some((f, i) => f !== OFF_TOPIC_FEATURES[i])) {
    throw new Error(`off-topic model features: expected ${OFF_TOPIC_FEATURES.join(', ')}`);
  }
  const vec = (v: unknown, what: string) => {
    if (!Array.isArray(v) || v.length !== d || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new Error(`off-topic model ${what}: expected ${d} finite numbers`);
    }
    return v as number[];
  };
  const num = (x: unknown, what: string) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`off-topic model ${what}: expected a finite number`);
    return x;
  };
  const scale = vec(e.scale, 'scale');
  if (scale.some((s) => s <= 0)) throw new Error('off-topic model scale: expected positive numbers');
  const threshold = num(e.threshold, 'threshold');
  if (threshold < 0 || threshold > 1) throw new Error('off-topic model threshold: expected 0–1');
  return {
    format: OFF_TOPIC_FORMAT,
    task: 'off_topic',
    features: [...OFF_TOPIC_FEATURES],
    mean: vec(e.mean, 'mean'),
    scale,
    weights: vec(e.weights, 'weights'),
    bias: num(e.bias, 'bias'),
    threshold,
    ridge: num(e.ridge, 'ridge'),
    seed: num(e.seed, 'seed'),
    fingerprint: String(e.fingerprint ?? ''),
    cv: e.cv,
    curve: Array.isArray(e.curve) ? e.curve : [],
    version: e.version == null ? null : num(e.version, 'version'),
  };
}
