import type {
  AuthorListStatus,
  AuthorRecord,
  BulkDecisionRequest,
  BulkDecisionResponse,
  DecisionRequest,
  HomeStats,
  ModerationCommentDetail,
  QueueCounts,
  ReplyResponse,
  StreamTokenResponse,
} from '@sift/shared';
import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, HttpError, type UpdateManyParams } from 'react-admin';
import { getAccessToken } from './authProvider';

/** Every API call carries the signed-in user's bearer token (same origin, so no CORS). */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const token = getAccessToken();
  return fetchUtils.fetchJson(url, {
    ...options,
    user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
  });
};

const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await httpClient(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

/** `comments` and `authors` live under /api/moderation; `users` (admins only) under /api. */
const moderation = simpleRestProvider('/api/moderation', httpClient);
const admin = simpleRestProvider('/api', httpClient);
const base = (resource: string) => (resource === 'users' ? admin : moderation);

/** What a bulk decision carries besides the ids: the action and the version of each row the moderator saw. */
export interface BulkDecisionMeta {
  action: BulkDecisionRequest['action'];
  versions: Record<string, number>;
  reason?: string;
}

export interface SiftDataProvider extends DataProvider {
  decide(id: string, req: DecisionRequest): Promise<ModerationCommentDetail>;
  bulkDecide(req: BulkDecisionRequest): Promise<BulkDecisionResponse>;
  reply(id: string, body: string): Promise<ReplyResponse>;
  setAuthorStatus(key: string, status: AuthorListStatus | null): Promise<AuthorRecord>;
  counts(): Promise<QueueCounts>;
  homeStats(): Promise<HomeStats>;
  streamToken(): Promise<StreamTokenResponse>;
}

/** Summarises the items a bulk decision skipped, e.g. "1 changed since you loaded it: Ada Admin made it approved". */
export function bulkFailureMessage(res: BulkDecisionResponse): string {
  const verb = res.action === 'approve' ? 'Approved' : 'Hid';
  const skipped = res.results.filter((r) => r.result !== 'ok').map((r) => r.message ?? r.result);
  return `${verb} ${res.ok} of ${res.results.length}. Skipped: ${[...new Set(skipped)].join('; ')}`;
}

export const dataProvider: SiftDataProvider = {
  async getList(resource, params) {
    if (resource === 'users') {
      // GET /api/users answers the whole (short) list without a Content-Range header.
      const data = (await httpClient('/api/users')).json as Array<{ id: string }>;
      return { data: data as never, total: data.length };
    }
    return base(resource).getList(resource, params);
  },
  getOne: (resource, params) => base(resource).getOne(resource, params),
  getMany: (resource, params) => base(resource).getMany(resource, params),
  getManyReference: (resource, params) => base(resource).getManyReference(resource, params),
  create: (resource, params) => base(resource).create(resource, params),
  update: (resource, params) => base(resource).update(resource, params),
  delete: (resource, params) => base(resource).delete(resource, params),
  deleteMany: (resource, params) => base(resource).deleteMany(resource, params),

  /**
   * Bulk approve/hide of comments goes through the ONE bulk endpoint (never N requests). Items that were skipped
   * (a colleague decided them first, ...) make the whole call fail with a message listing them, so react-admin
   * reverts its optimistic update and the list is reloaded.
   */
  async updateMany(resource, params: UpdateManyParams) {
    if (resource !== 'comments') return base(resource).updateMany(resource, params);
    const meta = params.meta as BulkDecisionMeta | undefined;
    if (!meta) throw new Error('comments can only be changed through a decision');
    const res = await dataProvider.bulkDecide({
      action: meta.action,
      reason: meta.reason,
      items: params.ids.map((id) => ({ id: String(id), version: meta.versions[String(id)] })),
    });
    if (res.failed > 0) throw new HttpError(bulkFailureMessage(res), 409, res);
    return { data: res.results.map((r) => r.id) };
  },

  decide: (id, req) => post(`/api/moderation/comments/${id}/decision`, req),
  bulkDecide: (req) => post('/api/moderation/comments/bulk-decision', req),
  reply: (id, body) => post(`/api/moderation/comments/${id}/reply`, { body }),
  async setAuthorStatus(key, status) {
    const res = await httpClient(`/api/moderation/authors/${encodeURIComponent(key)}`, { method: 'PUT', body: JSON.stringify({ status }) });
    return res.json as AuthorRecord;
  },
  counts: async () => (await httpClient('/api/moderation/comments/counts')).json as QueueCounts,
  homeStats: async () => (await httpClient('/api/stats/home')).json as HomeStats,
  streamToken: () => post('/api/moderation/stream-token'),
};
