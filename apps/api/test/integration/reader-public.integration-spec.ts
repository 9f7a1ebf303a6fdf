import type { MyCommentsResponse, PublicArticle, PublicThreadNode, PublicThreadPage } from '@sift/shared';
import { type Api, http, loginAs, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: Postgres (this run's database), Redis (this run's prefix), the Fastify app over HTTP, decisions through the
// moderation API with a moderator's token. No worker runs: statuses come from moderators, and "flagged" (which
// only the worker sets) is set in the database directly, as the worker's transition would.
const PUBLISHER_ORIGIN = 'https://publisher.example';

describe('the public reader API', () => {
  let api: Api;
  let mod: Record<string, string>;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const ARTICLE = 'reader-walk';
  const threadUrl = (q = '') => `${api.url}/api/public/articles/${ARTICLE}/comments${q}`;

  const decide = async (id: string, action: 'approve' | 'hide', reason?: string) => {
    const detail = await http<{ version: number }>(`${api.url}/api/moderation/comments/${id}`, 'GET', undefined, mod);
    const res = await http(`${api.url}/api/moderation/comments/${id}/decision`, 'POST', { action, version: detail.body.version, reason }, mod);
    expect(res.status).toBe(200);
  };
  const post = async (key: string, body: string, parent?: string, extra: Record<string, unknown> = {}) => {
    const res = await postComment(api, ARTICLE, { authorName: `Author ${key}`, body, parentId: parent ? ids[parent] : undefined, ...extra });
    expect(res.status).toBe(202);
    const b = res.body as unknown as { id: string; readerToken: string };
    expect(b.readerToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    ids[key] = b.id;
    tokens[key] = b.readerToken;
  };

  beforeAll(async () => {
    process.env.CORS_ORIGINS = PUBLISHER_ORIGIN; // read once, when this file's app is built
    api = await startApi();
    await resetDatabase(api.ds);
    mod = await loginAs(api, 'moderator');
    await putArticle(api, ARTICLE, { title: 'Harbour Street cycle lanes', subtitle: 'Work starts in spring', url: 'https://news.example/cycle' });

    // Every status, and replies under parents of every status.
    await post('A', 'APPROVED-A the lanes are long overdue');
    await post('B', 'SECRET-PENDING-B never shown to readers');
    await post('C', 'SECRET-FLAGGED-C never shown to readers');
    await post('D', 'SECRET-HIDDEN-D never shown to readers');
    await post('E', 'APPROVED-E reply under a pending parent', 'B');
    await post('F', 'SECRET-PENDING-F reply under a flagged parent', 'C');
    await post('G', 'APPROVED-G reply to A', 'A');
    await post('H', 'SECRET-HIDDEN-H reply to A', 'A');
    await post('I', 'APPROVED-I reply to E, two levels down', 'E');
    await post('J', 'APPROVED-J reply under a hidden parent', 'D');
    await post('K', 'SECRET-PENDING-K <script>alert(1)</script>', 'A', { title: 'SECRET-TITLE-K' });
    for (const k of ['A', 'E', 'G', 'I', 'J']) await decide(ids[k] as string, 'approve');
    await decide(ids.D as string, 'hide', 'Personal attack');
    await decide(ids.H as string, 'approve');
    await decide(ids.H as string, 'hide'); // hidden without a reason
    await api.ds.query(`UPDATE comments SET status = 'flagged', version = version + 1, decided_at = now() WHERE id = $1`, [ids.C]);
    // A moderator's reply (approved, author role staff), the way the moderation service writes one.
    const [staff] = await api.ds.query(
      `INSERT INTO comments (article_id, parent_id, author_name, author_key, author_role, body, status, decided_at)
       SELECT article_id, id, 'The moderators', 'staff', 'staff', 'STAFF-REPLY thanks, noted', 'approved', now() FROM comments WHERE id = $1
       RETURNING id`,
      [ids.A],
    );
    ids.S = staff.id;
  });
  afterAll(async () => {
    delete process.env.CORS_ORIGINS;
    await api.close();
  });

  const SECRETS = /SECRET-|Personal attack/;
  const shape = (nodes: PublicThreadNode[]): unknown[] =>
    nodes.map((n) => (n.kind === 'removed' ? { removed: n.id, replies: shape(n.replies) } : { id: n.id, replies: shape(n.replies) }));

  it('shows approved comments only, threaded, with a text-less placeholder above approved replies', async () => {
    const res = await http<PublicThreadPage>(threadUrl('?order=oldest'), 'GET');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(SECRETS);
    expect(res.body).toMatchObject({ articleExternalId: ARTICLE, order: 'oldest', approvedCount: 6, threadCount: 3, nextCursor: null });
    expect(shape(res.body.comments)).toEqual([
      { id: ids.A, replies: [{ id: ids.G, replies: [] }, { id: ids.S, replies: [] }] },
      { removed: ids.B, replies: [{ id: ids.E, replies: [{ id: ids.I, replies: [] }] }] },
      { removed: ids.D, replies: [{ id: ids.J, replies: [] }] },
    ]);
    // A placeholder carries its place and nothing else: no author, title, text or date.
    const removed = res.body.comments[1] as PublicThreadNode;
    expect(Object.keys(removed).sort()).toEqual(['id', 'kind', 'parentId', 'replies']);
    const a = res.body.comments[0];
    expect(a).toMatchObject({ kind: 'comment', authorName: 'Author A', authorRole: 'reader', body: 'APPROVED-A the lanes are long overdue', parentId: null });
    expect(a?.replies[1]).toMatchObject({ authorRole: 'staff', body: 'STAFF-REPLY thanks, noted' });
    expect(Object.keys(a as object).sort()).toEqual(['authorName', 'authorRole', 'body', 'id', 'kind', 'parentId', 'postedAt', 'replies', 'title']);
  });

  it('orders newest first by default and pages by top-level thread with a cursor', async () => {
    const newest = await http<PublicThreadPage>(threadUrl(), 'GET');
    expect(newest.body.order).toBe('newest');
    expect(newest.body.comments.map((c) => c.id)).toEqual([ids.D, ids.B, ids.A]);
    for (const order of ['newest', 'oldest'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Awaited<ReturnType<typeof http<PublicThreadPage>>> = await http<PublicThreadPage>(
          threadUrl(`?order=${order}&limit=1${cursor ? `&cursor=${cursor}` : ''}`),
          'GET',
        );
        expect(res.status).toBe(200);
        expect(res.body.comments).toHaveLength(1);
        expect(JSON.stringify(res.body)).not.toMatch(SECRETS);
        seen.push(res.body.comments[0]?.id as string);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(order === 'newest' ? [ids.D, ids.B, ids.A] : [ids.A, ids.B, ids.D]);
    }
  });

  it('refuses bad queries and unknown articles', async () => {
    expect((await http(threadUrl('?order=random'), 'GET')).status).toBe(400);
    expect((await http(threadUrl('?limit=0'), 'GET')).status).toBe(400);
    expect((await http(threadUrl('?limit=101'), 'GET')).status).toBe(400);
    expect((await http(threadUrl('?cursor=bm90LWEtY3Vyc29y'), 'GET')).status).toBe(400);
    expect((await http(threadUrl('?status=pending'), 'GET')).status).toBe(400);
    expect((await http(`${api.url}/api/public/articles/nope/comments`, 'GET')).status).toBe(404);
    expect((await http(`${api.url}/api/public/articles/nope`, 'GET')).status).toBe(404);
  });

  it('gives the article title, subtitle, url and whether comments are open', async () => {
    const res = await http<PublicArticle>(`${api.url}/api/public/articles/${ARTICLE}`, 'GET');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      externalId: ARTICLE,
      title: 'Harbour Street cycle lanes',
      subtitle: 'Work starts in spring',
      url: 'https://news.example/cycle',
      commentsOpen: true,
    });
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it("tells the author, and only the token's holder, what became of their own comments", async () => {
    const all = Object.keys(tokens);
    const res = await http<MyCommentsResponse>(`${api.url}/api/public/comments/mine`, 'POST', { tokens: all.map((k) => tokens[k]) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const byId = new Map(res.body.comments.map((c) => [c.id, c]));
    expect(byId.size).toBe(all.length);
    expect(byId.get(ids.A as string)).toMatchObject({ state: 'published', reason: null, token: tokens.A });
    expect(byId.get(ids.B as string)).toMatchObject({ state: 'held', body: 'SECRET-PENDING-B never shown to readers', reason: null });
    expect(byId.get(ids.C as string)).toMatchObject({ state: 'held' });
    expect(byId.get(ids.D as string)).toMatchObject({ state: 'not_published', reason: 'Personal attack' });
    expect(byId.get(ids.H as string)).toMatchObject({ state: 'not_published', reason: null });
    expect(byId.get(ids.K as string)).toMatchObject({ state: 'held', title: 'SECRET-TITLE-K', parentId: ids.A, articleExternalId: ARTICLE });

    // One token, one comment; a well-formed token nobody was given finds nothing; malformed ones are refused.
    const one = await http<MyCommentsResponse>(`${api.url}/api/public/comments/mine`, 'POST', { tokens: [tokens.B] });
    expect(one.body.comments.map((c) => c.id)).toEqual([ids.B]);
    const stranger = await http<MyCommentsResponse>(`${api.url}/api/public/comments/mine`, 'POST', { tokens: ['x'.repeat(43)] });
    expect(stranger.body.comments).toEqual([]);
    expect((await http(`${api.url}/api/public/comments/mine`, 'POST', { tokens: [ids.B] })).status).toBe(400);
    expect((await http(`${api.url}/api/public/comments/mine`, 'POST', { tokens: 'abc' })).status).toBe(400);
    expect((await http(`${api.url}/api/public/comments/mine`, 'POST', { tokens: Array(101).fill('x'.repeat(43)) })).status).toBe(400);
    // Only hashes are stored.
    const stored = await api.ds.query(`SELECT token_hash FROM reader_tokens WHERE comment_id = $1`, [ids.B]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(tokens.B);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a retried POST (same Idempotency-Key) gets a fresh token for the same comment; both work', async () => {
    const first = await postComment(api, ARTICLE, { body: 'SECRET-RETRY once' }, { 'idempotency-key': 'retry-1' });
    const again = await postComment(api, ARTICLE, { body: 'SECRET-RETRY once' }, { 'idempotency-key': 'retry-1' });
    const [t1, t2] = [first, again].map((r) => (r.body as unknown as { readerToken: string }).readerToken);
    expect(again.body.id).toBe(first.body.id);
    expect(t1).not.toBe(t2);
    const res = await http<MyCommentsResponse>(`${api.url}/api/public/comments/mine`, 'POST', { tokens: [t1, t2] });
    expect(res.body.comments.map((c) => c.id)).toEqual([first.body.id, first.body.id]);
    await api.ds.query(`DELETE FROM comments WHERE id = $1`, [first.body.id]);
  });

  it('is cacheable: ETag + must-revalidate, 304 on If-None-Match, a new ETag after every decision', async () => {
    const first = await http<PublicThreadPage>(threadUrl(), 'GET');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+, must-revalidate$/);

    const same = await http(threadUrl(), 'GET', undefined, { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.body).toBeNull();
    expect(same.headers.get('etag')).toBe(etag);
    expect((await http(threadUrl(), 'GET', undefined, { 'if-none-match': `W/${etag}` })).status).toBe(304);
    // Another page or order is another representation.
    expect((await http(threadUrl('?order=oldest'), 'GET', undefined, { 'if-none-match': etag })).status).toBe(200);

    // Approving B turns its placeholder into the comment.
    await decide(ids.B as string, 'approve');
    const afterApprove = await http<PublicThreadPage>(threadUrl(), 'GET', undefined, { 'if-none-match': etag });
    expect(afterApprove.status).toBe(200);
    const etag2 = afterApprove.headers.get('etag') as string;
    expect(etag2).not.toBe(etag);
    expect(afterApprove.body.comments.find((c) => c.id === ids.B)).toMatchObject({ kind: 'comment', body: 'SECRET-PENDING-B never shown to readers' });

    // Hiding A takes it and its text away (its approved replies stay, under a placeholder).
    await decide(ids.A as string, 'hide', 'Changed my mind');
    const afterHide = await http<PublicThreadPage>(threadUrl(), 'GET', undefined, { 'if-none-match': etag2 });
    expect(afterHide.status).toBe(200);
    expect(afterHide.headers.get('etag')).not.toBe(etag2);
    expect(JSON.stringify(afterHide.body)).not.toContain('APPROVED-A');
    expect(afterHide.body.comments.find((c) => c.id === ids.A)).toMatchObject({ kind: 'removed' });

    // Closing comments changes the article and the thread ETags too.
    const art = await http(`${api.url}/api/public/articles/${ARTICLE}`, 'GET');
    await putArticle(api, ARTICLE, { title: 'Harbour Street cycle lanes', commentsOpen: false });
    const art2 = await http<PublicArticle>(`${api.url}/api/public/articles/${ARTICLE}`, 'GET', undefined, { 'if-none-match': art.headers.get('etag') as string });
    expect(art2.status).toBe(200);
    expect(art2.body.commentsOpen).toBe(false);
    expect((await http(threadUrl(), 'GET', undefined, { 'if-none-match': afterHide.headers.get('etag') as string })).status).toBe(200);
  });

  it('answers browsers only from the CORS allow-list', async () => {
    const allowed = await http(threadUrl(), 'GET', undefined, { origin: PUBLISHER_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PUBLISHER_ORIGIN);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await http(threadUrl(), 'GET', undefined, { origin: 'https://attacker.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${api.url}/api/public/comments/mine`, {
      method: 'OPTIONS',
      headers: { origin: PUBLISHER_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PUBLISHER_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('keeps the moderation API closed to readers', async () => {
    expect((await http(`${api.url}/api/moderation/comments`, 'GET')).status).toBe(401);
    expect((await http(`${api.url}/api/moderation/comments/${ids.B}`, 'GET')).status).toBe(401);
  });
});
