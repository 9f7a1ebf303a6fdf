/**
 * The job catalogue: every queue, every job name, and one payload type per job name. Payloads carry ids only.
 * `queue.constants.spec.ts` fails when a job name has no handler in its processor.
 */
export const QueueName = {
  Triage: 'triage',
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  TriageComment: 'triage-comment',
  Reconcile: 'reconcile',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  /** `requestId`: the intake request's id, so the worker's log lines join it. */
  [JobName.TriageComment]: { commentId: string; requestId?: string };
  [JobName.Reconcile]: Record<string, never>;
}

/** Which queue each job goes to. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.TriageComment]: QueueName.Triage,
  [JobName.Reconcile]: QueueName.Maintenance,
};
