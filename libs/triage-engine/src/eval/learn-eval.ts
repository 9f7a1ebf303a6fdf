/**
 * `--learn-from` and `--learning-curve` of the eval command: the rows of a labelled file are replayed as moderator
 * decisions through the retrain's own training code (`trainInsultModel`, `trainOffTopicModel`), and the model it
 * returns is the site model the rule then scores with. No database: the same pure functions the retrain job calls.
 */
import type { RuleInput, RuleVerdict } from '../contract/rule.js';
import type { CvMetrics } from '../learned/model.js';
import { type LabelledComment, scoreWith, trainInsultModel } from '../learned/train.js';
import { type OffTopicDecision, type OffTopicModel, OFF_TOPIC_FEATURES, scoreOffTopic, trainOffTopicModel } from '../learned/off-topic-model.js';
import type { LearnedModel } from '../learned/model.js';
import { rocAuc } from '../learned/metrics.js';

export interface LabelledInput {
  input: RuleInput;
  label: boolean | null;
}

/** Decisions from labelled rows: the comment, its label, and the day-0 (lexicon) score the stacker weighs. */
export function asDecisions(rows: readonly LabelledInput[], lexicon: (i: RuleInput) => RuleVerdict): LabelledComment[] {
  return rows
    .filter((r) => r.label !== null)
    .map((r) => ({ title: r.input.comment.title, body: r.input.comment.body, label: r.label as boolean, lexicon: lexicon(r.input).score }));
}

/**
 * `--decided flagged [--weak-negatives W]`: the decisions as a site really gets them. Moderators decide the comments
 * the lexicon flagged (day 0): those keep their label. The others were approved by the worker; nobody reported them
 * (the worst case: no reader reports a missed insult), so they are no decisions at all, or, with a weight W, weak
 * negatives — labelled "not an insult" whatever their true label, as the retrain takes them.
 */
export function asSiteDecisions(decisions: readonly LabelledComment[], lexiconThreshold: number, weakWeight: number | null): LabelledComment[] {
  return decisions.flatMap((d) =>
    d.lexicon >= lexiconThreshold ? [d] : weakWeight === null ? [] : [{ ...d, label: false, weak: weakWeight }],
  );
}

/** What the eval needs of a learned kind: its training function, its scorer, and a line on the fitted weights. */
export interface Learner<R extends { label: boolean; lexicon: number }, M extends { cv: CvMetrics; threshold: number; fingerprint: string }> {
  what: string;
  train(rows: readonly R[]): { model: M; reason: null } | { model: null; reason: string };
  score(model: M, rows: readonly R[]): number[];
  weights(model: M): string;
}

export const insultLearner = (lexiconThreshold: number): Learner<LabelledComment, LearnedModel> => ({
  what: 'insults',
  train: (rows) => trainInsultModel(rows, { lexiconThreshold }),
  score: scoreWith,
  weights: ({ stack }) => `stack: p = σ(${stack.learned.toFixed(3)} · margin + ${stack.lexicon.toFixed(3)} · lexicon + ${stack.bias.toFixed(3)})`,
});

export const offTopicLearner = (dayZeroThreshold: number): Learner<OffTopicDecision, OffTopicModel> => ({
  what: 'off topic',
  train: (rows) => trainOffTopicModel(rows, { dayZeroThreshold }),
  score: scoreOffTopic,
  weights: (m) => `weights (standardised features): ${OFF_TOPIC_FEATURES.map((f, j) => `${f} ${m.weights[j].toFixed(2)}`).join(', ')}; bias ${m.bias.toFixed(2)}`,
});

const fmt = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

/** Train on the decisions and print what the retrain would store; null (day 0) when there are too few. */
export function learn<R extends { label: boolean; lexicon: number }, M extends { cv: CvMetrics; threshold: number; fingerprint: string }>(
  decisions: readonly R[],
  learner: Learner<R, M>,
  file: string,
): M | null {
  const t0 = process.hrtime.bigint();
  const res = learner.train(decisions);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!res.model) {
    console.log(`learn-from ${file}: no model (${res.reason}); scoring as day 0`);
    return null;
  }
  const { cv, threshold, fingerprint } = res.model;
  const weak = decisions.filter((d) => (d as { weak?: number }).weak !== undefined).length;
  console.log(
    `learn-from ${file}: ${cv.n} decisions (${cv.positives} ${learner.what})${weak ? ` + ${weak} weak negatives` : ''}, trained in ${ms.toFixed(0)} ms, fingerprint ${fingerprint}`,
  );
  console.log(
    `  ${cv.folds}-fold CV: AUC ${fmt(cv.auc)} F1 ${fmt(cv.f1)} (P ${fmt(cv.precision)} R ${fmt(cv.recall)}) at threshold ${fmt(threshold)}; ` +
      `learned alone AUC ${fmt(cv.learnedAuc)}; day 0 AUC ${fmt(cv.lexiconAuc)} F1 ${fmt(cv.lexiconF1)}`,
  );
  console.log(`  ${learner.weights(res.model)}`);
  return res.model;
}

/**
 * `--learning-curve 100,300,1000`: for each size, a model trained on the first `size` decisions, scored on the
 * labelled rows of `--input` (held out: they are not among the decisions), beside day 0.
 */
export function printLearningCurve<R extends { label: boolean; lexicon: number }, M extends { cv: CvMetrics; threshold: number; fingerprint: string }>(
  decisions: readonly R[],
  sizes: readonly number[],
  heldOut: readonly R[],
  learner: Learner<R, M>,
): void {
  const labels = heldOut.map((r) => r.label);
  if (!labels.includes(true) || !labels.includes(false)) {
    console.log('learning curve: --input needs labelled rows of both classes (held-out AUC)');
    return;
  }
  const lexiconAuc = rocAuc(
    heldOut.map((r) => r.lexicon),
    labels,
  );
  console.log(`learning curve (held out: the ${heldOut.length} labelled --input rows; day 0 AUC ${fmt(lexiconAuc)})`);
  for (const size of sizes) {
    if (size > decisions.length) {
      console.log(`  ${String(size).padStart(6)} decisions: only ${decisions.length} in the file`);
      continue;
    }
    const res = learner.train(decisions.slice(0, size));
    const model = res.model;
    if (!model) {
      console.log(`  ${String(size).padStart(6)} decisions: no model (${res.reason}): day 0 AUC ${fmt(lexiconAuc)}`);
      continue;
    }
    const scores = learner.score(model, heldOut);
    const flagged = scores.map((s) => s >= model.threshold);
    let tp = 0;
    let fp = 0;
    flagged.forEach((f, i) => (f ? (labels[i] ? tp++ : fp++) : 0));
    const pos = labels.filter(Boolean).length;
    const f1 = tp ? (2 * tp) / (2 * tp + fp + (pos - tp)) : 0;
    console.log(`  ${String(size).padStart(6)} decisions: held-out AUC ${fmt(rocAuc(scores, labels))}  F1 ${fmt(f1)}  (CV AUC ${fmt(model.cv.auc)})`);
  }
}
