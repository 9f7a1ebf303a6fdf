import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { type Api, startApi, putArticle } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Issue 16, item 7: with TRUST_PROXY=true, 40 posts with rotating X-Forwarded-For headers were 40 × 202 under a
// per-IP limit of 20. Real: the HTTP app on loopback, Postgres, Redis (this file's own key prefix). The proxy is
// 127.0.0.1 (TRUST_PROXY); a client that is not a proxy connects from 127.0.0.2 (any 127/8 address is loopback).
describe('only listed proxies are believed', () => {
  let api: Api;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_PER_IP: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:tp-${randomBytes(3).toString('hex')}`,
    });
    api = await startApi();
    await resetDatabase(api.ds);
    await putArticle(api, 'proxies');
  });
  afterAll(async () => {
    await api?.close();
    process.env = saved;
  });

  /** A POST from a chosen loopback source address, with an X-Forwarded-For header. */
  const post = (from: string, forwardedFor: string, n: number) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(`${api.url}/api/articles/proxies/comments`);
      const body = JSON.stringify({ authorName: `Reader ${from} ${n}`, body: `Schools before roads, ${forwardedFor} ${n}` });
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('a client that is not a listed proxy cannot choose its address: rotating X-Forwarded-For headers share one limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await post('127.0.0.2', `198.51.100.${i + 1}`, i));
    expect(statuses).toEqual([...Array(5).fill(202), ...Array(7).fill(429)]);
    const hashes = await api.ds.query(`SELECT DISTINCT ip_hash FROM comments WHERE body LIKE 'Schools before roads, 198.51.100.%'`);
    expect(hashes).toHaveLength(1); // all counted, and stored, as 127.0.0.2
  });

  it("behind the listed proxy each reader is the address the proxy appended, whatever they put in front of it", async () => {
    // The proxy appends the address it saw (nginx: $proxy_add_x_forwarded_for); a reader's own header comes first.
    const reader = await Promise.all(Array.from({ length: 7 }, (_, i) => post('127.0.0.1', `10.${i}.0.1, 203.0.113.7`, i)));
    expect([...reader].sort()).toEqual([...Array(5).fill(202), 429, 429]);
    // Another reader behind the same proxy has a limit of their own (before this, all shared the proxy's).
    expect(await post('127.0.0.1', '203.0.113.8', 0)).toBe(202);
    const hashes = await api.ds.query(`SELECT DISTINCT ip_hash FROM comments WHERE body LIKE 'Schools before roads, %203.0.113.%'`);
    expect(hashes).toHaveLength(2);
  });
});
