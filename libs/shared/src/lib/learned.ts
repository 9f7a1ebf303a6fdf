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
