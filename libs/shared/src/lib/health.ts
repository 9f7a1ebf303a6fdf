export type CheckState = 'up' | 'down';

export interface HealthResponse {
  /** `stopping`: the process is draining for a shutdown (readiness 503; liveness still 200). */
  status: 'ok' | 'degraded' | 'stopping';
  checks: { postgres: CheckState; redis: CheckState };
}
