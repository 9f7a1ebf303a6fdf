import type { EvidenceSpan } from '@sift/shared';
import { commentFields, type RuleInput, type RuleVerdict } from '../contract/rule.js';
import type { LearnedScorer } from '../learned/scorer.js';
import { modelEvidence, stacked } from '../learned/stack.js';

/** How many n-grams a flag explains, and the rounding of the stacked score (as the lexicon's). */
export const EXPLAIN_TOP = 3;
const ROUND = 1e4;

/**
 * The insult verdict with a site model in use: the stacked score of the lexicon's verdict and the learned margin
 * decides, against the model's threshold. Evidence keeps the lexicon's spans and adds, when the comment is flagged,
 * the n-grams that pushed the learned score most ("learned: 'xxx' +0.80"), with model version, score and threshold.
 */
export function learnedVerdict(lexicon: RuleVerdict, scorer: LearnedScorer, input: RuleInput): RuleVerdict {
  const fields = commentFields(input);
  const model = scorer.model;
  const margin = scorer.margin(fields);
  const score = Math.round(stacked(model.stack, margin, lexicon.score) * ROUND) / ROUND;
  const fired = score >= model.threshold;
  const ngrams = fired ? scorer.explainLast(EXPLAIN_TOP) : [];
  const spans: EvidenceSpan[] = [
    ...(lexicon.evidence.spans ?? []),
    ...ngrams.map((c) => ({ field: c.field, start: c.start, end: c.end, text: c.text, label: `learned: '${c.text}' +${c.weight.toFixed(2)}` })),
  ];
  const version = model.version === null ? 'site model' : `site model v${model.version}`;
  const lexSummary = lexicon.evidence.summary.replace(/^(insult|below threshold): /, '');
  const learnedPart = ngrams.length ? `; learned: ${ngrams.map((c) => `'${c.text}' +${c.weight.toFixed(2)}`).join(', ')}` : '';
  return {
    score,
    threshold: model.threshold,
    evidence: {
      ...lexicon.evidence,
      summary: `${fired ? 'insult' : 'below threshold'} (${version} ${score.toFixed(2)} vs ${model.threshold.toFixed(2)}; lexicon ${lexicon.score.toFixed(2)}: ${lexSummary}${learnedPart})`,
      spans,
      learned: {
        ...modelEvidence(model, score, margin),
        lexiconScore: lexicon.score,
        lexiconThreshold: lexicon.threshold,
        ngrams: ngrams.map((c) => ({ field: c.field, start: c.start, end: c.end, text: c.text, weight: Math.round(c.weight * 100) / 100 })),
      },
    },
  };
}
