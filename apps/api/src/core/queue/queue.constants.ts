/**
 * The job catalogue: every queue, every job name, and one payload type per job name. Payloads carry ids only.
 * `queue.constants.spec.ts` fails when a job name has no handler in its processor.
 */
export const QueueName = {
  /** One job per accepted comment (triage/). */
  Triage: 'triage',
  /** The reconciler's schedule (triage/). */
  Maintenance: 'maintenance',
  /** The rules feature's long jobs: backtests, re-triage, the quality watch (rules/). */
  RuleJobs: 'rule-jobs',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  TriageComment: 'triage-comment',
  Reconcile: 'reconcile',
  /** Run a rule draft (or version) over past moderator decisions (rules/backtest.service.ts). */
  Backtest: 'rule-backtest',
  /** Re-run triage over comments no human decided, after a rule change (rules/retriage.service.ts). */
  Retriage: 'rule-retriage',
  /** Quality watch: auto-demote hide rules that moderators keep overruling (rules/rules-admin.service.ts). */
  QualityWatch: 'rule-quality-watch',
  /** Train a new version of the site's learned insult model from the decisions (rules/learned-models.service.ts). */
  Retrain: 'learned-retrain',
  /** The nightly retrain: creates the version, then trains it as Retrain does. */
  NightlyRetrain: 'learned-retrain-nightly',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  /** `requestId`: the intake request's id, so the worker's log lines join it. */
  [JobName.TriageComment]: { commentId: string; requestId?: string };
  [JobName.Reconcile]: Record<string, never>;
  /** `runId`: the `rule_jobs` row holding the parameters, progress and result. */
  [JobName.Backtest]: { runId: string };
  [JobName.Retriage]: { runId: string };
  [JobName.QualityWatch]: Record<string, never>;
  /** `modelId`: the `learned_models` row (status training) the job fills in. */
  [JobName.Retrain]: { modelId: string };
  [JobName.NightlyRetrain]: Record<string, never>;
}

/** Which queue each job goes to. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.TriageComment]: QueueName.Triage,
  [JobName.Reconcile]: QueueName.Maintenance,
  [JobName.Backtest]: QueueName.RuleJobs,
  [JobName.Retriage]: QueueName.RuleJobs,
  [JobName.QualityWatch]: QueueName.RuleJobs,
  [JobName.Retrain]: QueueName.RuleJobs,
  [JobName.NightlyRetrain]: QueueName.RuleJobs,
};
