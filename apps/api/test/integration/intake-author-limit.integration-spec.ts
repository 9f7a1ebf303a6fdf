import { randomBytes } from 'node:crypto';
import { type Api, authorToken, postFrom, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Issue 16, item 6: six bad posts as "Maria" from one address gave Maria's valid post from another address a 429 for
// a minute. Real: the HTTP app on loopback, Postgres, Redis (this file's own key prefix), 2 comments per author and
// 6 per network per minute. Readers on other networks connect from other loopback addresses (127.0.0.2, …).
describe('the per-author limit counts accepted comments only, per author', () => {
  let api: Api;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      RATE_LIMIT_PER_AUTHOR: '2',
      RATE_LIMIT_PER_IP: '6',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:al-${randomBytes(3).toString('hex')}`,
    });
    api = await startApi();
    await resetDatabase(api.ds);
    await putArticle(api, 'limits');
  });
  afterAll(async () => {
    await api?.close();
    process.env = saved;
  });

  const post = (from: string, article: string, body: Record<string, unknown>) => postFrom(from, `${api.url}/api/articles/${article}/comments`, body);

  it("an attacker's failed posts as Maria cost Maria nothing; her own limit still holds", async () => {
    const attacker = '127.0.0.2';
    const refused = [
      await post(attacker, 'limits', { authorName: 'Maria', body: '' }),
      await post(attacker, 'limits', { authorName: 'Maria', body: 'x', parentId: 'not-a-uuid' }),
      await post(attacker, 'missing-article', { authorName: 'Maria', body: 'Hello' }),
      await post(attacker, 'missing-article', { authorName: 'Maria', body: 'Hello' }),
      await post(attacker, 'limits', { authorName: 'Maria', body: 'Hello', authorId: 'maria' }),
      await post(attacker, 'limits', { authorName: 'Maria', body: 'Hello', unknown: 1 }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 404, 404, 400, 400]);
    // The per-network limit did count them: the attacker's address is now over it.
    expect((await post(attacker, 'limits', { authorName: 'Maria', body: 'Seventh try' })).status).toBe(429);

    const maria = '127.0.0.3';
    expect((await post(maria, 'limits', { authorName: 'Maria', body: 'Schools first.' })).status).toBe(202);
    expect((await post(maria, 'limits', { authorName: 'maria ', body: 'Roads second.' })).status).toBe(202);
    const third = await post(maria, 'limits', { authorName: 'Maria', body: 'And a third.' });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ limit: 'author', message: expect.stringMatching(/^You are posting comments too quickly: please wait \d+ seconds? before posting again\.$/) });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);

    // Someone else called Maria, elsewhere, is another author with a limit of her own.
    expect((await post('127.0.0.4', 'limits', { authorName: 'Maria', body: 'A different Maria.' })).status).toBe(202);
  });

  it('a signed-in author is one author on every network', async () => {
    const token = authorToken('reader-9', 'Nine');
    expect((await post('127.0.0.5', 'limits', { authorToken: token, body: 'One.' })).status).toBe(202);
    expect((await post('127.0.0.6', 'limits', { authorToken: token, body: 'Two.' })).status).toBe(202);
    const third = await post('127.0.0.7', 'limits', { authorToken: token, body: 'Three.' });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ limit: 'author' });
  });
});
