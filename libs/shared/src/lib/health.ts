export type CheckState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  checks: { postgres: CheckState; redis: CheckState };
}
