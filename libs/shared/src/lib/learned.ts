/** Wire types of the learned models (issue 15): a site's insult model versions, trained from its moderators' decisions. */

export type LearnedModelStatus = 'training' | 'shadow' | 'promoted' | 'retired' | 'failed' | 'no_model';

/** A model's cross-validated metrics (out-of-fold scores over its training decisions). */
export interface LearnedModelMetrics {
  folds: number;
  /** Decisions, and how many were insults. */
  n: number;
  positives: number;
  /** ROC AUC, F1, precision, recall of the stacked out-of-fold scores at the chosen threshold. */
  auc: number;
  f1: number;
  precision: number;
  recall: number;
  /** The lexicon alone over the same decisions (its own threshold): what day 0 does. */
  lexiconAuc: number;
  lexiconF1: number;
  /** The learned model alone (out-of-fold margins). */
  learnedAuc: number;
  /**
   * The n-grams that weigh most, as text (the model itself stores only hashed weights): computed by the retrain from
   * the decisions it trained on (libs/triage-engine learned/top-ngrams.ts). Absent in the eval's output.
   */
  ngrams?: LearnedNgrams;
}

/** One n-gram of a model's training decisions: its mean share of a comment's learned log-odds, and in how many decisions it occurs. */
export interface LearnedNgram {
  text: string;
  weight: number;
  docs: number;
}

/** The n-grams that push a model's score up most (insult) and down most (civil), strongest first. */
export interface LearnedNgrams {
  positive: LearnedNgram[];
  negative: LearnedNgram[];
}

/** One version of the site's insult model (react-admin resource `learned-models`), without its weights. */
export interface LearnedModelRecord {
  id: string;
  version: number;
  task: 'insult';
  status: LearnedModelStatus;
  /** 0–100 while training. */
  progress: number;
  trigger: 'manual' | 'nightly';
  /** Decisions it was trained on, and how many of them were insults. */
  labels: number | null;
  positives: number | null;
  threshold: number | null;
  metrics: LearnedModelMetrics | null;
  /** Held-out AUC by training size, beside the lexicon's. */
  curve: Array<{ size: number; auc: number; lexiconAuc: number }>;
  fingerprint: string | null;
  /** Why there is no model (too few decisions) or why training failed. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  promotedAt: string | null;
  /** Who promoted it (null: the retrain, by the auto-promotion setting; or never promoted) and why. */
  promotedBy: string | null;
  promotionNote: string | null;
  /** Weak negatives it was trained with beside the decisions (auto-approved comments nobody reported). */
  weakNegatives: number | null;
}

/** A comment where a candidate model and the live insult decision disagree (or agree), with both scores. */
export interface AgreementExample {
  id: string;
  excerpt: string;
  /** The comment's status now (a moderator's decision, when there was one). */
  status: 'pending' | 'approved' | 'flagged' | 'hidden';
  candidateScore: number;
  liveScore: number;
}

/**
 * Shadow agreement (`GET /api/learned-models/:id/agreement`): a candidate version scored beside the live insult
 * decision over the recent comments, before it is promoted: "would flag N more, N fewer", with examples.
 */
export interface LearnedModelAgreement {
  modelId: string;
  version: number;
  /** The live side: the promoted version (null: the lexicon alone, day 0). */
  liveVersion: number | null;
  days: number;
  limit: number;
  /** Reader comments received in the last `days` days (at most `limit`, the most recent). */
  comments: number;
  bothFlag: number;
  neitherFlags: number;
  /** Flagged by the candidate, not by the live decision ("would flag N more"). */
  moreFlagged: { count: number; examples: AgreementExample[] };
  /** Flagged by the live decision, not by the candidate ("N fewer"). */
  fewerFlagged: { count: number; examples: AgreementExample[] };
  /** Share of the comments on which both agree. */
  agreement: number;
  computedAt: string;
}

export const AGREEMENT_LIMITS = { days: { default: 7, max: 90 }, limit: { default: 2000, max: 10000 } } as const;
