import type { LearnedModelAgreement, LearnedModelRecord } from '@sift/shared';
import { httpClient } from '../providers/dataProvider';

/** The learned models API (docs/rules.md, "Learned insult model"): staff read, admins retrain, promote, roll back. */
const get = async <T>(url: string): Promise<T> => (await httpClient(url)).json as T;
const post = async <T>(url: string): Promise<T> => (await httpClient(url, { method: 'POST', body: '{}' })).json as T;

export const learnedApi = {
  list: () => get<LearnedModelRecord[]>('/api/learned-models'),
  agreement: (id: string) => get<LearnedModelAgreement>(`/api/learned-models/${id}/agreement`),
  retrain: () => post<LearnedModelRecord>('/api/learned-models/retrain'),
  promote: (id: string) => post<LearnedModelRecord>(`/api/learned-models/${id}/promote`),
  rollback: () => post<{ promoted: LearnedModelRecord | null }>('/api/learned-models/rollback'),
};
