import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client). One registry per process: the API serves it at GET /metrics, the
 * worker on its own small HTTP port (WORKER_METRICS_PORT). Names follow Prometheus conventions, prefixed `sift_`.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'sift_' });

export const httpDuration = new Histogram({
  name: 'sift_http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const intakeComments = new Counter({
  name: 'sift_intake_comments_total',
  help: 'Comments accepted by intake (result: accepted = new, replayed = Idempotency-Key retry)',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const intakeEnqueueFailures = new Counter({
  name: 'sift_intake_enqueue_failures_total',
  help: 'Comments stored but not enqueued (Redis unreachable); the reconciler enqueues them later',
  registers: [registry],
});

export const queueJobs = new Gauge({
  name: 'sift_queue_jobs',
  help: 'Jobs per queue and state, read from Redis at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const triageDuration = new Histogram({
  name: 'sift_triage_duration_seconds',
  help: 'Worker time per triage job, from job start to committed decision',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});

export const triageDecisions = new Counter({
  name: 'sift_triage_decisions_total',
  help: 'Triage decisions by the status the rules asked for',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const ruleOutcomes = new Counter({
  name: 'sift_rule_outcomes_total',
  help: 'Rule outcomes that were recorded (hit or error), by rule type and mode',
  labelNames: ['rule_type', 'outcome', 'mode'] as const,
  registers: [registry],
});

export const ruleOverBudget = new Counter({
  name: 'sift_rule_over_budget_total',
  help: "Rules recorded as errors because a comment's rule run went over RULE_RUN_BUDGET_MS, by rule type",
  labelNames: ['rule_type'] as const,
  registers: [registry],
});

export const reconciled = new Counter({
  name: 'sift_reconciler_enqueued_total',
  help: 'Untriaged pending comments the reconciler (re-)enqueued',
  registers: [registry],
});
