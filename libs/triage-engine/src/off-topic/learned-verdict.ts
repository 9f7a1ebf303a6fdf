import type { RuleVerdict } from '../contract/rule.js';
import { contributions, marginOf, OFF_TOPIC_FEATURES, type OffTopicModel } from '../learned/off-topic-model.js';
import { modelEvidence, sigmoid } from '../learned/stack.js';

/** How many features a verdict names, and the rounding of the score (as day 0's). */
const EXPLAIN_TOP = 3;
const ROUND = 1e4;

/**
 * The off_topic verdict with a site model in use: the model's probability over the rule's features decides, against
 * the model's threshold. Evidence keeps day 0's (shared words, side-discussion words, reason) and adds the model's
 * version, score and threshold, day 0's score, and the features that pushed the score most ("learned: no article
 * word −0.9"), so a moderator sees both.
 */
export class OffTopicScorer {
  constructor(readonly model: OffTopicModel) {}

  verdict(day0: RuleVerdict, features: readonly number[]): RuleVerdict {
    const model = this.model;
    const margin = marginOf(model, features);
    const score = Math.round(sigmoid(margin) * ROUND) / ROUND;
    const fired = score >= model.threshold;
    const parts = contributions(model, features)
      .map((w, j) => ({ feature: OFF_TOPIC_FEATURES[j], value: Math.round(features[j] * 1000) / 1000, weight: Math.round(w * 100) / 100 }))
      .filter((c) => (fired ? c.weight > 0 : c.weight < 0))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, EXPLAIN_TOP);
    const version = model.version === null ? 'site model' : `site model v${model.version}`;
    const pushed = parts.length ? `; learned: ${parts.map((p) => `${p.feature} ${p.weight > 0 ? '+' : ''}${p.weight.toFixed(2)}`).join(', ')}` : '';
    return {
      score,
      threshold: model.threshold,
      evidence: {
        ...day0.evidence,
        summary: `${day0.evidence.summary} (${version} ${score.toFixed(2)} vs ${model.threshold.toFixed(2)}; day 0 ${day0.score.toFixed(2)}${pushed})`,
        learned: {
          ...modelEvidence(model, score, margin),
          dayZeroScore: day0.score,
          dayZeroThreshold: day0.threshold,
          features: parts,
        },
      },
    };
  }
}
