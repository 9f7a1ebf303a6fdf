import { type Api, http, loginAs, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { PUBLISHER_KEY } from '../utils/test-env.js';

// Real: the HTTP app, Postgres, Redis. Every endpoint × every caller: anonymous, a reader holding their reader token
// (sent as a bearer, as a curious reader might), a publisher (X-Api-Key), a moderator and an admin. The table must
// list every route in the OpenAPI document, so a new endpoint without a row fails this spec.
type Caller = 'anonymous' | 'reader' | 'publisher' | 'moderator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'reader', 'publisher', 'moderator', 'admin'];
const everyone = CALLERS;
const staff: Caller[] = ['moderator', 'admin'];
const admins: Caller[] = ['admin'];

interface Fixture {
  commentId: string;
  version: number;
  authorKey: string;
  readerToken: string;
  ruleId: string;
}
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Concrete URL (ids filled in). */
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  allowed: Caller[];
  /** Not in the OpenAPI document (static pages, the board, metrics). */
  undocumented?: boolean;
}

const NO_RUN = '00000000-0000-4000-8000-000000000000';

const ROWS: Row[] = [
  { method: 'POST', path: '/api/auth/login', url: () => '/api/auth/login', body: () => ({ email: 'moderator@test.local', password: 'correct horse battery staple' }), allowed: everyone },
  { method: 'GET', path: '/api/auth/me', url: () => '/api/auth/me', allowed: staff },
  { method: 'GET', path: '/api/users', url: () => '/api/users', allowed: admins },
  { method: 'POST', path: '/api/users', url: () => '/api/users', body: () => ({ email: `u${Math.random().toString(36).slice(2)}@test.local`, name: 'New', password: 'long enough password', role: 'moderator' }), allowed: admins },
  { method: 'PUT', path: '/api/articles/{externalId}', url: () => '/api/articles/authz-2', body: () => ({ title: 'Another' }), allowed: ['publisher'] },
  { method: 'POST', path: '/api/articles/{externalId}/comments', url: () => '/api/articles/authz/comments', body: () => ({ authorName: 'R', body: 'The council budget for schools.' }), allowed: everyone },
  { method: 'GET', path: '/api/moderation/comments', url: () => '/api/moderation/comments', allowed: staff },
  { method: 'GET', path: '/api/moderation/comments/counts', url: () => '/api/moderation/comments/counts', allowed: staff },
  { method: 'POST', path: '/api/moderation/comments/bulk-decision', url: () => '/api/moderation/comments/bulk-decision', body: (f) => ({ action: 'approve', items: [{ id: f.commentId, version: f.version }] }), allowed: staff },
  { method: 'GET', path: '/api/moderation/comments/{id}', url: (f) => `/api/moderation/comments/${f.commentId}`, allowed: staff },
  { method: 'POST', path: '/api/moderation/comments/{id}/reply', url: (f) => `/api/moderation/comments/${f.commentId}/reply`, body: () => ({ body: 'Thanks, noted.' }), allowed: staff },
  { method: 'POST', path: '/api/moderation/comments/{id}/decision', url: (f) => `/api/moderation/comments/${f.commentId}/decision`, body: (f) => ({ action: 'hide', version: f.version }), allowed: staff },
  // Presence (issue 17, item 6): who else has a card open; the viewer is always the session's user.
  { method: 'GET', path: '/api/moderation/presence', url: () => '/api/moderation/presence', allowed: staff },
  { method: 'PUT', path: '/api/moderation/comments/{id}/presence', url: (f) => `/api/moderation/comments/${f.commentId}/presence`, allowed: staff },
  { method: 'DELETE', path: '/api/moderation/comments/{id}/presence', url: (f) => `/api/moderation/comments/${f.commentId}/presence`, allowed: staff },
  { method: 'POST', path: '/api/moderation/stream-token', url: () => '/api/moderation/stream-token', allowed: staff },
  // The stream takes a stream token in the query, never a bearer: without one, nobody gets in.
  { method: 'GET', path: '/api/moderation/stream', url: () => '/api/moderation/stream', allowed: [] },
  { method: 'GET', path: '/api/moderation/authors', url: () => '/api/moderation/authors', allowed: staff },
  { method: 'GET', path: '/api/moderation/authors/{key}', url: (f) => `/api/moderation/authors/${encodeURIComponent(f.authorKey)}`, allowed: staff },
  { method: 'PUT', path: '/api/moderation/authors/{key}', url: (f) => `/api/moderation/authors/${encodeURIComponent(f.authorKey)}`, body: () => ({ status: 'review' }), allowed: staff },
  // Campaigns (issue 18): the comment id stands for a campaign (a campaign is named after its first comment).
  { method: 'GET', path: '/api/moderation/campaigns', url: () => '/api/moderation/campaigns', allowed: staff },
  { method: 'GET', path: '/api/moderation/campaigns/{id}', url: (f) => `/api/moderation/campaigns/${f.commentId}`, allowed: staff },
  { method: 'POST', path: '/api/moderation/campaigns/{id}/decision', url: (f) => `/api/moderation/campaigns/${f.commentId}/decision`, body: () => ({ action: 'hide', reason: 'Spam or advertising' }), allowed: staff },
  { method: 'POST', path: '/api/moderation/campaigns/{id}/undo', url: (f) => `/api/moderation/campaigns/${f.commentId}/undo`, allowed: staff },
  { method: 'PUT', path: '/api/moderation/campaigns/{id}/suspension', url: (f) => `/api/moderation/campaigns/${f.commentId}/suspension`, body: () => ({ hours: 24, message: 'A day off.' }), allowed: staff },
  { method: 'DELETE', path: '/api/moderation/campaigns/{id}/suspension', url: (f) => `/api/moderation/campaigns/${f.commentId}/suspension`, allowed: staff },
  { method: 'PUT', path: '/api/moderation/campaigns/{id}/keep-hiding', url: (f) => `/api/moderation/campaigns/${f.commentId}/keep-hiding`, body: () => ({ on: true }), allowed: staff },
  { method: 'PUT', path: '/api/moderation/authors/{key}/suspension', url: (f) => `/api/moderation/authors/${encodeURIComponent(f.authorKey)}/suspension`, body: () => ({ hours: 1, message: 'Cool off.' }), allowed: staff },
  { method: 'DELETE', path: '/api/moderation/authors/{key}/suspension', url: (f) => `/api/moderation/authors/${encodeURIComponent(f.authorKey)}/suspension`, allowed: staff },
  { method: 'GET', path: '/api/stats/home', url: () => '/api/stats/home', allowed: staff },
  { method: 'GET', path: '/api/public/articles/{externalId}', url: () => '/api/public/articles/authz', allowed: everyone },
  { method: 'GET', path: '/api/public/articles/{externalId}/comments', url: () => '/api/public/articles/authz/comments', allowed: everyone },
  { method: 'POST', path: '/api/public/comments/mine', url: () => '/api/public/comments/mine', body: (f) => ({ tokens: [f.readerToken] }), allowed: everyone },
  // A reader's report (the fixture's comment is pending: 404, past auth all the same).
  { method: 'POST', path: '/api/public/comments/{id}/reports', url: (f) => `/api/public/comments/${f.commentId}/reports`, body: () => ({ reason: 'Off topic' }), allowed: everyone },
  { method: 'GET', path: '/health', url: () => '/health', allowed: everyone },
  { method: 'GET', path: '/health/live', url: () => '/health/live', allowed: everyone },
  { method: 'POST', path: '/api/ops/queue-board/session', url: () => '/api/ops/queue-board/session', allowed: admins },
  // Rules admin (docs/rules.md): staff read, admins change, test, backtest and re-triage.
  { method: 'GET', path: '/api/learned-models', url: () => '/api/learned-models', allowed: staff },
  { method: 'GET', path: '/api/learned-models/{id}', url: () => `/api/learned-models/${NO_RUN}`, allowed: staff },
  { method: 'GET', path: '/api/learned-models/{id}/agreement', url: () => `/api/learned-models/${NO_RUN}/agreement`, allowed: staff },
  { method: 'POST', path: '/api/learned-models/retrain', url: () => '/api/learned-models/retrain', allowed: admins },
  { method: 'POST', path: '/api/learned-models/rollback', url: () => '/api/learned-models/rollback', allowed: admins },
  { method: 'POST', path: '/api/learned-models/{id}/promote', url: () => `/api/learned-models/${NO_RUN}/promote`, allowed: admins },
  { method: 'GET', path: '/api/rules', url: () => '/api/rules', allowed: staff },
  { method: 'GET', path: '/api/rules/types', url: () => '/api/rules/types', allowed: staff },
  { method: 'POST', path: '/api/rules/test', url: () => '/api/rules/test', body: () => ({ comment: { body: 'You are an idiot.' } }), allowed: admins },
  { method: 'POST', path: '/api/rules/retriage', url: () => '/api/rules/retriage', body: () => ({}), allowed: admins },
  { method: 'GET', path: '/api/rules/retriage/{runId}', url: () => `/api/rules/retriage/${NO_RUN}`, allowed: admins },
  { method: 'POST', path: '/api/rules/retriage/{runId}/cancel', url: () => `/api/rules/retriage/${NO_RUN}/cancel`, allowed: admins },
  { method: 'GET', path: '/api/rules/backtests/{runId}', url: () => `/api/rules/backtests/${NO_RUN}`, allowed: admins },
  { method: 'POST', path: '/api/rules/backtests/{runId}/cancel', url: () => `/api/rules/backtests/${NO_RUN}/cancel`, allowed: admins },
  { method: 'POST', path: '/api/rules', url: () => '/api/rules', body: () => ({ name: 'Spam words', type: 'keywords', config: { terms: ['casino'] }, action: 'flag' }), allowed: admins },
  { method: 'GET', path: '/api/rules/{id}', url: (f) => `/api/rules/${f.ruleId}`, allowed: staff },
  { method: 'PUT', path: '/api/rules/{id}', url: (f) => `/api/rules/${f.ruleId}`, body: () => ({ severity: 2 }), allowed: admins },
  { method: 'GET', path: '/api/rules/{id}/versions', url: (f) => `/api/rules/${f.ruleId}/versions`, allowed: staff },
  { method: 'POST', path: '/api/rules/{id}/rollback', url: (f) => `/api/rules/${f.ruleId}/rollback`, body: () => ({ version: 1 }), allowed: admins },
  { method: 'GET', path: '/api/rules/{id}/quality', url: (f) => `/api/rules/${f.ruleId}/quality`, allowed: staff },
  { method: 'POST', path: '/api/rules/{id}/backtests', url: (f) => `/api/rules/${f.ruleId}/backtests`, body: () => ({ limit: 10 }), allowed: admins },
  { method: 'GET', path: '/api/rules/{id}/backtests', url: (f) => `/api/rules/${f.ruleId}/backtests`, allowed: admins },
  { method: 'DELETE', path: '/api/rules/{id}', url: (f) => `/api/rules/${f.ruleId}`, allowed: admins },
  { method: 'GET', path: '/api/settings', url: () => '/api/settings', allowed: staff },
  { method: 'PUT', path: '/api/settings', url: () => '/api/settings', body: () => ({ autoApprove: true }), allowed: admins },
  { method: 'GET', path: '/api/settings/versions', url: () => '/api/settings/versions', allowed: admins },
  { method: 'GET', path: '/metrics', url: () => '/metrics', allowed: everyone, undocumented: true },
  // The board takes only its session cookie (see operator spec); a bearer of any kind gets nowhere.
  { method: 'GET', path: '/admin/queues/api/queues', url: () => '/admin/queues/api/queues', allowed: [], undocumented: true },
  // Renewal takes only the refresh cookie (staff-sessions spec): a bearer of any kind renews nothing.
  { method: 'POST', path: '/api/auth/refresh', url: () => '/api/auth/refresh', body: () => ({ active: true }), allowed: [] },
  // Last: letting staff through ends their sessions (staff-sessions spec).
  { method: 'POST', path: '/api/auth/logout', url: () => '/api/auth/logout', allowed: staff },
];

describe('authorization matrix', () => {
  let api: Api;
  let fixture: Fixture;
  const headers: Record<Caller, Record<string, string>> = { anonymous: {}, reader: {}, publisher: { 'x-api-key': PUBLISHER_KEY }, moderator: {}, admin: {} };

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.ds);
    await putArticle(api, 'authz');
    const c = await http<{ id: string; readerToken: string }>(`${api.url}/api/articles/authz/comments`, 'POST', { authorName: 'Reader', body: 'The council budget for schools and roads.' });
    const [row] = await api.ds.query(`SELECT version, author_key FROM comments WHERE id = $1`, [c.body.id]);
    const [rule] = await api.ds.query(`SELECT id FROM rules WHERE type = 'links'`);
    fixture = { commentId: c.body.id, version: row.version, authorKey: row.author_key, readerToken: c.body.readerToken, ruleId: rule.id };
    headers.reader = { authorization: `Bearer ${c.body.readerToken}` };
    headers.moderator = await loginAs(api, 'moderator');
    headers.admin = await loginAs(api, 'admin');
  });
  afterAll(() => api.close());

  it('has a row for every route in the OpenAPI document', async () => {
    const docs = await http<{ paths: Record<string, Record<string, unknown>> }>(`${api.url}/api/docs-json`, 'GET');
    const documented = Object.entries(docs.body.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const listed = ROWS.filter((r) => !r.undocumented).map((r) => `${r.method} ${r.path}`);
    expect(listed.sort()).toEqual(documented.sort());
  });

  const snapshot = async () =>
    (await api.ds.query(
      `SELECT (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM users) AS users,
              (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM moderation_events) AS events,
              (SELECT count(*) FROM authors) AS authors, (SELECT sum(version) FROM comments) AS versions,
              (SELECT count(*) FROM rule_versions) AS rule_versions, (SELECT count(*) FROM rule_jobs) AS rule_jobs,
              (SELECT version FROM site_settings) AS settings`,
    ))[0];

  describe.each(ROWS)('$method $path', (row) => {
    const denied = CALLERS.filter((c) => !row.allowed.includes(c));
    if (denied.length) {
      it(`refuses ${denied.join(', ')} (401/403) and changes nothing`, async () => {
        const before = await snapshot();
        for (const caller of denied) {
          const res = await http(`${api.url}${row.url(fixture)}`, row.method, row.body?.(fixture), headers[caller]);
          if (res.status !== 401 && res.status !== 403) throw new Error(`${caller} got ${res.status}, expected 401 or 403`);
        }
        expect(await snapshot()).toEqual(before);
      });
    }
    if (row.allowed.length) {
      it(`lets ${row.allowed.join(', ')} through`, async () => {
        for (const caller of row.allowed) {
          const res = await http(`${api.url}${row.url(fixture)}`, row.method, row.body?.(fixture), headers[caller]);
          // Allowed means past authentication and authorization: a 2xx, or a 4xx about the request itself.
          if ([401, 403].includes(res.status) || res.status >= 500) throw new Error(`${caller} got ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
          if (row.method === 'POST' && row.path.endsWith('/decision')) fixture.version += res.status === 200 ? 1 : 0;
        }
      });
    }
  });
});
