import type { INestApplicationContext } from '@nestjs/common';
import { type Api, decisionCount, eventually, http, loginAs, postComment, putArticle, startApi, startWorker } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Real: the HTTP app, the worker context on the real queue, Postgres, Redis. What an operator scrapes and traces.
describe('operator view', () => {
  let api: Api;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    await resetDatabase(api.ds);
    await putArticle(api, 'ops');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('GET /metrics exposes HTTP latency, intake, queue depth, triage latency and decisions in Prometheus format', async () => {
    const { body } = await postComment(api, 'ops', { body: 'The council budget for schools and roads.' });
    await eventually(async () => (await decisionCount(api.ds, body.id)) === 1, 10000, 'triage');
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const line of [
      /^sift_http_request_duration_seconds_count\{method="POST",route="\/api\/articles\/:externalId\/comments",status="202"\} [1-9]/m,
      /^sift_intake_comments_total\{result="accepted"\} [1-9]/m,
      /^sift_queue_jobs\{queue="triage",state="waiting"\} \d+/m,
      /^sift_triage_decisions_total\{outcome="(approved|flagged|hidden|pending)"\} [1-9]/m,
      /^sift_process_cpu_user_seconds_total /m,
    ]) {
      expect(text).toMatch(line);
    }
  });

  it('carries the caller’s X-Request-Id (or a new one) back in the response', async () => {
    const given = await http(`${api.url}/health/live`, 'GET', undefined, { 'x-request-id': 'trace-abc-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc-123');
    const longest = `${'a1._-'.repeat(12)}Zz09`;
    expect((await http(`${api.url}/health/live`, 'GET', undefined, { 'x-request-id': longest })).headers.get('x-request-id')).toBe(longest);
    const fresh = await http(`${api.url}/health/live`, 'GET');
    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
  });

  it('replaces an X-Request-Id that is not 1–64 of [A-Za-z0-9._-] with a new one (issue 16, item 13)', async () => {
    for (const bad of ['<script>alert(1)</script>', 'x'.repeat(8192), 'a'.repeat(65), 'two words', 'a%20b', 'a/b', 'id;drop']) {
      const res = await http(`${api.url}/health/live`, 'GET', undefined, { 'x-request-id': bad });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('/health is readiness (Postgres and Redis), /health/live is liveness', async () => {
    expect((await http(`${api.url}/health`, 'GET')).body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
    expect((await http(`${api.url}/health/live`, 'GET')).body).toEqual({ status: 'ok' });
  });
});

describe('Bull Board (admins only)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.ds);
  });
  afterAll(() => api.close());

  it('an admin opens it through a session cookie; a moderator gets 403; nobody gets in without the cookie', async () => {
    const board = (cookie?: string) => fetch(`${api.url}/admin/queues/api/queues`, { headers: cookie ? { cookie } : {} });
    expect((await board()).status).toBe(401);
    expect((await board('sift_queue_board=forged.token.value')).status).toBe(401);

    const moderator = await loginAs(api, 'moderator');
    expect((await http(`${api.url}/api/ops/queue-board/session`, 'POST', undefined, moderator)).status).toBe(403);
    // a login token is not a queue-board cookie
    expect((await board(`sift_queue_board=${moderator.authorization.slice(7)}`)).status).toBe(401);

    const admin = await loginAs(api, 'admin');
    const session = await fetch(`${api.url}/api/ops/queue-board/session`, { method: 'POST', headers: admin });
    expect(session.status).toBe(200);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    const cookie = setCookie.split(';')[0];
    const queues = await board(cookie);
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['maintenance', 'rule-jobs', 'triage']);
    const page = await fetch(`${api.url}/admin/queues/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });
});
