import type {
  BacktestRecord,
  BacktestRequest,
  RetriageRecord,
  RuleAdminRecord,
  RuleQuality,
  RuleSaveRequest,
  RuleTestRequest,
  RuleTestResponse,
  RuleTypeInfo,
  RuleVersionRecord,
  SiteSettingsRecord,
  SiteSettingsSaveRequest,
} from '@sift/shared';
import { httpClient } from '../providers/dataProvider';

/** The rules admin API (docs/rules.md). Errors are react-admin HttpErrors; a 400's `body.fields` has the field errors. */
const get = async <T>(url: string): Promise<T> => (await httpClient(url)).json as T;
const send = async <T>(method: string, url: string, body?: unknown): Promise<T> =>
  (await httpClient(url, { method, body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

export const rulesApi = {
  list: () => get<RuleAdminRecord[]>('/api/rules'),
  get: (id: string) => get<RuleAdminRecord>(`/api/rules/${id}`),
  types: () => get<RuleTypeInfo[]>('/api/rules/types'),
  create: (req: RuleSaveRequest) => send<RuleAdminRecord>('POST', '/api/rules', req),
  save: (id: string, req: Partial<RuleSaveRequest>) => send<RuleAdminRecord>('PUT', `/api/rules/${id}`, req),
  remove: (id: string) => send<{ id: string }>('DELETE', `/api/rules/${id}`),
  versions: (id: string) => get<RuleVersionRecord[]>(`/api/rules/${id}/versions`),
  rollback: (id: string, version: number, note?: string) => send<RuleAdminRecord>('POST', `/api/rules/${id}/rollback`, { version, note }),
  quality: (id: string) => get<RuleQuality>(`/api/rules/${id}/quality`),
  test: (req: RuleTestRequest) => send<RuleTestResponse>('POST', '/api/rules/test', req),
  startBacktest: (id: string, req: BacktestRequest) => send<BacktestRecord>('POST', `/api/rules/${id}/backtests`, req),
  backtests: (id: string) => get<BacktestRecord[]>(`/api/rules/${id}/backtests`),
  backtest: (runId: string) => get<BacktestRecord>(`/api/rules/backtests/${runId}`),
  cancelBacktest: (runId: string) => send<BacktestRecord>('POST', `/api/rules/backtests/${runId}/cancel`),
  startRetriage: () => send<RetriageRecord>('POST', '/api/rules/retriage', {}),
  retriage: (runId: string) => get<RetriageRecord>(`/api/rules/retriage/${runId}`),
  settings: () => get<SiteSettingsRecord>('/api/settings'),
  saveSettings: (req: SiteSettingsSaveRequest) => send<SiteSettingsRecord>('PUT', '/api/settings', req),
};

/** Field errors of a 400 (`{ fields: { 'config.threshold': [...] } }`), or null. */
export function fieldErrors(err: unknown): Record<string, string[]> | null {
  const body = (err as { body?: { fields?: Record<string, string[]> } })?.body;
  return body?.fields ?? null;
}

/** What went wrong, in words: a 400 with field errors points at the fields (each says its own problem there). */
export function errorText(err: unknown): string {
  const fields = fieldErrors(err);
  if (fields) {
    // `config.patterns.0` and `config.patterns.1` are one field (two of its lines).
    const n = new Set(Object.keys(fields).map((f) => f.replace(/\.\d+(\..*)?$/, ''))).size;
    return n === 1 ? 'Not saved: one field needs fixing (marked in red).' : `Not saved: ${n} fields need fixing (marked in red).`;
  }
  const e = err as { body?: { message?: string }; message?: string };
  return e?.body?.message ?? e?.message ?? String(err);
}

export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 1000) / 10} %`);
