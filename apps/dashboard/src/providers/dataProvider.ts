import type {
  AuthorListStatus,
  CampaignDecisionRequest,
  CampaignDecisionResponse,
  CampaignDetail,
  CampaignSuspensionRequest,
  AuthorRecord,
  AuthorSuspensionRequest,
  HomeStats,
  PresenceEntry,
  QueueCounts,
  ReplyResponse,
  StreamTokenResponse,
} from '@sift/shared';
import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, HttpError } from 'react-admin';
import { errorMessage, freshAccessToken, renewAccessToken, storedSession, usableAccessToken } from './session';

/**
 * Every API call carries the signed-in user's bearer token (same origin, so no CORS): a fresh one (session.ts
 * renews it when it is about to expire). A 401 anyway (the session was ended meanwhile) renews once and retries;
 * when the session has ended, the call waits for the sign-in dialog and then goes on.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const call = (token: string) => fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
  try {
    return await call(await freshAccessToken());
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 401 || !storedSession()) throw err;
    return call(await renewAccessToken());
  }
};

/**
 * A presence call (issue 17, item 6: PUT is a heartbeat, answering who has the card open; DELETE a goodbye). It rides
 * on the session without keeping it up: with no token good for a call as it stands (about to expire, or the session
 * ended) it is skipped, and a 401 is dropped (null either way); never a renewal, never the sign-in dialog, never a
 * sign-out. So a moderator who walked away from an open card is not kept signed in, and stops showing as looking.
 */
export async function presenceCall(id: string, method: 'PUT' | 'DELETE', keepalive = false): Promise<PresenceEntry[] | null> {
  const token = usableAccessToken();
  if (!token) return null;
  const res = await fetch(`/api/moderation/comments/${encodeURIComponent(id)}/presence`, { method, keepalive, headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(await errorMessage(res, `presence failed (HTTP ${res.status})`));
  return method === 'PUT' ? ((await res.json()) as PresenceEntry[]) : null;
}

const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await httpClient(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

/** `comments`, `authors` and `campaigns` live under /api/moderation; `users` (admins only) under /api. */
const moderation = simpleRestProvider('/api/moderation', httpClient);
const admin = simpleRestProvider('/api', httpClient);
const base = (resource: string) => (resource === 'users' ? admin : moderation);

export interface SiftDataProvider extends DataProvider {
  reply(id: string, body: string): Promise<ReplyResponse>;
  setAuthorStatus(key: string, status: AuthorListStatus | null): Promise<AuthorRecord>;
  suspendAuthor(key: string, req: AuthorSuspensionRequest): Promise<AuthorRecord>;
  liftSuspension(key: string): Promise<AuthorRecord>;
  counts(): Promise<QueueCounts>;
  homeStats(): Promise<HomeStats>;
  streamToken(): Promise<StreamTokenResponse>;
  /** Issue 17, item 6: every card open now; "I have this card open" (answers who has it open; null when skipped); "I closed it". */
  presence(): Promise<PresenceEntry[]>;
  lookingAt(id: string): Promise<PresenceEntry[] | null>;
  leftCard(id: string): Promise<void>;
  /** Issue 18: one decision for every member of a campaign, and its undo. */
  campaignDecision(id: string, req: CampaignDecisionRequest): Promise<CampaignDecisionResponse>;
  campaignUndo(id: string): Promise<CampaignDecisionResponse>;
  /** Issue 18 item 4: suspend every author of a campaign (and undo that); keep hiding it. */
  campaignSuspend(id: string, req: CampaignSuspensionRequest): Promise<CampaignDetail>;
  campaignUnsuspend(id: string): Promise<CampaignDetail>;
  campaignKeepHiding(id: string, on: boolean): Promise<CampaignDetail>;
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

  /** Comments change through a decision only (providers/pendingDecisions.ts: held, undoable, then sent). */
  async updateMany(resource, params) {
    if (resource === 'comments') throw new Error('comments can only be changed through a decision');
    return base(resource).updateMany(resource, params);
  },

  reply: (id, body) => post(`/api/moderation/comments/${id}/reply`, { body }),
  async suspendAuthor(key, req) {
    return (await httpClient(`/api/moderation/authors/${encodeURIComponent(key)}/suspension`, { method: 'PUT', body: JSON.stringify(req) })).json as AuthorRecord;
  },
  async liftSuspension(key) {
    return (await httpClient(`/api/moderation/authors/${encodeURIComponent(key)}/suspension`, { method: 'DELETE' })).json as AuthorRecord;
  },
  async setAuthorStatus(key, status) {
    const res = await httpClient(`/api/moderation/authors/${encodeURIComponent(key)}`, { method: 'PUT', body: JSON.stringify({ status }) });
    return res.json as AuthorRecord;
  },
  counts: async () => (await httpClient('/api/moderation/comments/counts')).json as QueueCounts,
  homeStats: async () => (await httpClient('/api/stats/home')).json as HomeStats,
  streamToken: () => post('/api/moderation/stream-token'),
  presence: async () => (await httpClient('/api/moderation/presence')).json as PresenceEntry[],
  lookingAt: (id) => presenceCall(id, 'PUT'),
  leftCard: async (id) => void (await presenceCall(id, 'DELETE')),
  campaignDecision: (id, req) => post(`/api/moderation/campaigns/${id}/decision`, req),
  campaignUndo: (id) => post(`/api/moderation/campaigns/${id}/undo`),
  async campaignSuspend(id, req) {
    return (await httpClient(`/api/moderation/campaigns/${id}/suspension`, { method: 'PUT', body: JSON.stringify(req) })).json as CampaignDetail;
  },
  async campaignUnsuspend(id) {
    return (await httpClient(`/api/moderation/campaigns/${id}/suspension`, { method: 'DELETE' })).json as CampaignDetail;
  },
  async campaignKeepHiding(id, on) {
    return (await httpClient(`/api/moderation/campaigns/${id}/keep-hiding`, { method: 'PUT', body: JSON.stringify({ on }) })).json as CampaignDetail;
  },
};
