import { type Api, http, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { PUBLISHER_KEY } from '../utils/test-env.js';

// Real: Postgres (this run's database), Redis (this run's prefix), the Fastify app over HTTP. No worker runs here,
// so comments stay pending and jobs wait in the queue.
describe('intake over HTTP', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase(api.ds);
    await putArticle(api, 'budget-2026');
  });

  const count = async (table: string) => (await api.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  describe('PUT /api/articles/:externalId', () => {
    it('needs a publisher key', async () => {
      expect((await http(`${api.url}/api/articles/x`, 'PUT', { title: 't' })).status).toBe(401);
      expect((await http(`${api.url}/api/articles/x`, 'PUT', { title: 't' }, { 'x-api-key': 'nope' })).status).toBe(401);
    });

    it('creates (201) then updates (200), keeping fields left out', async () => {
      const created = await putArticle(api, 'a-1', { title: 'First', subtitle: 'Sub', url: 'https://news.example/a-1' });
      expect(created.status).toBe(201);
      const updated = await http<{ title: string; subtitle: string; url: string; commentsOpen: boolean }>(
        `${api.url}/api/articles/a-1`, 'PUT', { title: 'Second', commentsOpen: false }, { 'x-api-key': PUBLISHER_KEY });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ title: 'Second', subtitle: 'Sub', url: 'https://news.example/a-1', commentsOpen: false });
    });

    it.each([
      [{}, 'title'],
      [{ title: 'ok', url: 'javascript:alert(1)' }, 'url'],
      [{ title: 'ok', commentsOpen: 'yes' }, 'commentsOpen'],
      [{ title: 'ok', extra: 1 }, 'extra'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await http<{ message: string }>(`${api.url}/api/articles/a-2`, 'PUT', body, { 'x-api-key': PUBLISHER_KEY });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    });

    it('refuses a malformed external id', async () => {
      const res = await http<{ message: string }>(`${api.url}/api/articles/${encodeURIComponent('a b')}`, 'PUT', { title: 't' }, { 'x-api-key': PUBLISHER_KEY });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('externalId');
    });
  });

  describe('POST /api/articles/:externalId/comments', () => {
    it('answers 202 pending after the row and its "received" audit event are committed', async () => {
      const res = await postComment(api, 'budget-2026', { authorName: '  Azam ', title: 'Roads', body: 'Fix the roads first.' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ id: expect.any(String), status: 'pending', readerToken: expect.any(String) });
      const [row] = await api.ds.query('SELECT * FROM comments WHERE id = $1', [res.body.id]);
      expect(row).toMatchObject({ author_name: 'Azam', title: 'Roads', body: 'Fix the roads first.', status: 'pending', version: 1 });
      expect(row.ip_hash).toEqual(expect.any(String));
      const events = await api.ds.query('SELECT to_status, actor_type, reason FROM moderation_events WHERE comment_id = $1', [res.body.id]);
      expect(events).toEqual([{ to_status: 'pending', actor_type: 'system', reason: 'received' }]);
    });

    it('accepts a reply to a comment of the same article', async () => {
      const parent = await postComment(api, 'budget-2026', { body: 'Parent' });
      const reply = await postComment(api, 'budget-2026', { body: 'Reply', parentId: parent.body.id });
      expect(reply.status).toBe(202);
      const [row] = await api.ds.query('SELECT parent_id FROM comments WHERE id = $1', [reply.body.id]);
      expect(row.parent_id).toBe(parent.body.id);
    });

    it('404 for an unknown article, 409 for a closed one', async () => {
      const unknown = await postComment(api, 'no-such-article', { body: 'hello' });
      expect(unknown.status).toBe(404);
      expect(JSON.stringify(unknown.body)).toContain('no-such-article');
      await putArticle(api, 'closed', { commentsOpen: false });
      const closed = await postComment(api, 'closed', { body: 'hello' });
      expect(closed.status).toBe(409);
      expect(JSON.stringify(closed.body)).toContain('closed');
      expect(await count('comments')).toBe(0);
    });

    it.each([
      ['no body', { authorName: 'A' }, 'body'],
      ['empty body', { authorName: 'A', body: '   ' }, 'body'],
      ['no author', { body: 'x', authorName: undefined }, 'authorName'],
      ['body too long', { authorName: 'A', body: 'x'.repeat(10_001) }, 'body'],
      ['author too long', { authorName: 'A'.repeat(81), body: 'x' }, 'authorName'],
      ['title too long', { authorName: 'A', title: 't'.repeat(201), body: 'x' }, 'title'],
      ['NUL in body', { authorName: 'A', body: 'a\u0000b' }, 'body'],
      ['escape char in body', { authorName: 'A', body: 'a\u001b[31mred' }, 'body'],
      ['line break in author', { authorName: 'A\nB', body: 'x' }, 'authorName'],
      ['bidi override in title', { authorName: 'A', title: 'abc\u202Edef', body: 'x' }, 'title'],
      ['lone surrogate', { authorName: 'A', body: 'bad \ud800 text' }, 'body'],
      ['body not a string', { authorName: 'A', body: 42 }, 'body'],
      ['unknown field', { authorName: 'A', body: 'x', status: 'approved' }, 'status'],
      ['parentId not a uuid', { authorName: 'A', body: 'x', parentId: 'abc' }, 'parentId'],
      ['parentId unknown', { authorName: 'A', body: 'x', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
    ])('400 naming the field: %s', async (_name, body, field) => {
      const res = await http<{ message: string }>(`${api.url}/api/articles/budget-2026/comments`, 'POST', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
      expect(await count('comments')).toBe(0);
    });

    it('400 for malformed JSON and for a body that is not an object', async () => {
      for (const raw of ['{"authorName": "A", "body": ', '[1,2]', '"text"']) {
        const res = await http<{ statusCode: number }>(`${api.url}/api/articles/budget-2026/comments`, 'POST', raw);
        expect(res.status).toBe(400);
      }
      expect(await count('comments')).toBe(0);
    });

    it('413 for a request body over the limit', async () => {
      const res = await http(`${api.url}/api/articles/budget-2026/comments`, 'POST', { authorName: 'A', body: 'x'.repeat(2_000_000) });
      expect(res.status).toBe(413);
    });

    it('stores HTML as given (it is rendered as text), never interpreting it', async () => {
      const body = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await postComment(api, 'budget-2026', { body });
      const [row] = await api.ds.query('SELECT body FROM comments WHERE id = $1', [res.body.id]);
      expect(row.body).toBe(body);
    });
  });

  describe('Idempotency-Key', () => {
    it('a repeated POST returns the first comment and stores one', async () => {
      const headers = { 'idempotency-key': 'client-42-attempt' };
      const first = await postComment(api, 'budget-2026', { body: 'Only once please' }, headers);
      const again = await postComment(api, 'budget-2026', { body: 'Only once please' }, headers);
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.body.id).toBe(first.body.id);
      expect(await count('comments')).toBe(1);
    });

    it('concurrent retries with one key still store one comment', async () => {
      const headers = { 'idempotency-key': 'burst-1' };
      const results = await Promise.all(Array.from({ length: 8 }, () => postComment(api, 'budget-2026', { body: 'Burst' }, headers)));
      expect(new Set(results.map((r) => r.status))).toEqual(new Set([202]));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await count('comments')).toBe(1);
    });

    it('the same key with a different comment is refused (422), the first kept', async () => {
      const headers = { 'idempotency-key': 'k-1' };
      await postComment(api, 'budget-2026', { body: 'First text' }, headers);
      const other = await postComment(api, 'budget-2026', { body: 'Different text' }, headers);
      expect(other.status).toBe(422);
      expect(await count('comments')).toBe(1);
    });

    it('refuses a malformed key', async () => {
      const res = await postComment(api, 'budget-2026', { body: 'x' }, { 'idempotency-key': 'has space' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('Idempotency-Key');
    });
  });
});
