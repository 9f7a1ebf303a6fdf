import { type Api, eventually, http, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { TcpProxy } from '../utils/tcp-proxy.js';

// Real: Postgres and Redis; the API reaches Postgres through a loopback TCP proxy that this spec cuts, so Postgres
// looks down to the API (the shared server itself is never stopped).
describe('Postgres unreachable', () => {
  let proxy: TcpProxy;
  let api: Api;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL as string);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(target);
    viaProxy.port = String(port);
    process.env.DATABASE_URL = viaProxy.toString(); // read once, when this file's app is built
    api = await startApi();
    await resetDatabase(api.ds);
  });
  afterAll(async () => {
    await proxy.restore();
    await api.close();
    await proxy.cut();
  });

  it('intake answers 503 with Retry-After, stores nothing, and recovers by itself when Postgres returns', async () => {
    await putArticle(api, 'pg-outage');
    const before = await postComment(api, 'pg-outage', { body: 'before the outage' });
    expect(before.status).toBe(202);

    await proxy.cut();
    const during = await postComment(api, 'pg-outage', { body: 'during the outage' }, { 'idempotency-key': 'pg-1' });
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(during.body)).toContain('database');
    const health = await http<{ checks: { postgres: string } }>(`${api.url}/health`, 'GET');
    expect(health.status).toBe(503);
    expect(health.body.checks.postgres).toBe('down');

    await proxy.restore();
    const after = await eventually(async () => {
      const r = await postComment(api, 'pg-outage', { body: 'during the outage' }, { 'idempotency-key': 'pg-1' });
      return r.status === 202 && r;
    }, 15000, 'intake to recover');
    expect(after.body.status).toBe('pending');
    const rows = await api.ds.query(`SELECT body FROM comments ORDER BY received_at`);
    expect(rows.map((r: { body: string }) => r.body)).toEqual(['before the outage', 'during the outage']);
  });
});
