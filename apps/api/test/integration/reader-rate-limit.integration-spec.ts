import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Api, http, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { REDIS_BASE_URL } from '../utils/test-env.js';

// Real: two API instances (as two replicas behind a load balancer) sharing this run's Postgres and Redis, with low
// limits of their own: 2 comments per author and 5 per IP per minute. The counts live in Redis, under a key
// prefix of this file's own (so the other specs' posts from 127.0.0.1 do not count here).
describe('intake rate limits', () => {
  let a: Api;
  let b: Api;
  const prefix = `${process.env.REDIS_PREFIX}:rl-${randomBytes(3).toString('hex')}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { RATE_LIMIT_PER_IP: '5', RATE_LIMIT_PER_AUTHOR: '2', RATE_LIMIT_WINDOW_SECONDS: '60', REDIS_PREFIX: prefix });
    a = await startApi();
    b = await startApi();
    await resetDatabase(a.ds);
    await putArticle(a, 'limits');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    process.env = saved;
  });

  it('per author and per IP, across replicas: 429 with a clear message and Retry-After', async () => {
    const say = (api: Api, authorName: string, n: number) => postComment(api, 'limits', { authorName, body: `Comment ${n} on the council budget` });
    expect((await say(a, 'Sam', 1)).status).toBe(202);
    expect((await say(b, 'Sam', 2)).status).toBe(202); // the other replica counts the same author

    const third = await say(a, 'sam ', 3); // the same author, however the name is spaced or cased
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', limit: 'author' });
    expect((third.body as unknown as { message: string }).message).toMatch(/^You are posting comments too quickly: please wait \d+ seconds? before posting again\.$/);
    const retry = Number(third.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);

    expect((await say(b, 'Kim', 1)).status).toBe(202);
    expect((await say(a, 'Kim', 2)).status).toBe(202);
    // Six requests from this IP in the window (the refused one counts too): over the per-IP limit of 5.
    const sixth = await say(b, 'Lee', 1);
    expect(sixth.status).toBe(429);
    expect((sixth.body as unknown as { message: string }).message).toMatch(/^Too many comments from your network: please wait \d+ seconds? /);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);

    const stored = await a.ds.query(`SELECT author_name FROM comments ORDER BY received_at`);
    expect(stored.map((r: { author_name: string }) => r.author_name)).toEqual(['Sam', 'Sam', 'Kim', 'Kim']);

    // Reads are not limited.
    expect((await http(`${a.url}/api/public/articles/limits/comments`, 'GET')).status).toBe(200);

    // The counters are in Redis under this install's prefix (one atomic script per hit, from the library).
    const redis = new Redis(REDIS_BASE_URL);
    try {
      const keys = await redis.keys(`${prefix}:throttle:*`);
      expect(keys.some((k) => k.endsWith(':hits'))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
