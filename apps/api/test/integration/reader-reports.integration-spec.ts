import { randomBytes } from 'node:crypto';
import { type Api, authorToken, http, loginAs, postComment, postFrom, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: the HTTP app, Postgres and Redis (the per-reader limit counts in Redis under a key prefix of this file's
// own, at 3 reports per reader per hour). Readers are told apart by their network: each loopback source address
// (127.0.0.x) is one reader, as each home or office would be; a signed-in reader is their author token.
describe('reader reports (issue 17, item 16)', () => {
  let api: Api;
  let staff: Record<string, string>;
  const saved = { ...process.env };
  const prefix = `${process.env.REDIS_PREFIX}:rep-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    Object.assign(process.env, { REPORT_LIMIT_PER_READER: '3', REPORT_LIMIT_WINDOW_SECONDS: '3600', REDIS_PREFIX: prefix });
    api = await startApi();
    await resetDatabase(api.ds);
    await putArticle(api, 'reports');
    staff = await loginAs(api, 'moderator');
  });
  afterAll(async () => {
    await api?.close();
    process.env = saved;
  });

  const report = (from: string, id: string, body: unknown) => postFrom(from, `${api.url}/api/public/comments/${id}/reports`, body);
  const card = async (id: string) =>
    (await http<{ status: string; version: number; openReports: number; reports: Array<{ reason: string; note: string | null }>; audit: Array<{ reason: string | null; toStatus: string | null }> }>(
      `${api.url}/api/moderation/comments/${id}`,
      'GET',
      undefined,
      staff,
    )).body;
  const counts = async () => (await http<Record<string, number>>(`${api.url}/api/moderation/comments/counts`, 'GET', undefined, staff)).body;
  const reportedQueue = async () =>
    (await http<Array<{ id: string; openReports: number }>>(
      `${api.url}/api/moderation/comments?filter=${encodeURIComponent(JSON.stringify({ reported: true }))}`,
      'GET',
      undefined,
      staff,
    )).body;
  const decide = (id: string, action: 'approve' | 'hide', version: number, reason?: string) =>
    http<{ status: string; version: number }>(`${api.url}/api/moderation/comments/${id}/decision`, 'POST', { action, version, reason }, staff);
  /** A comment a moderator has published. */
  const published = async (body: string) => {
    const { body: c } = await postComment(api, 'reports', { authorName: 'Writer', body });
    expect((await decide(c.id, 'approve', 1)).status).toBe(200);
    return c.id;
  };
  // The counts are cached for a second per process.
  const freshCounts = async () => {
    await new Promise((r) => setTimeout(r, 1100));
    return counts();
  };

  it('a report puts a published comment in the Reported queue with its count and reasons; approve keeps it, hide takes it down', async () => {
    const id = await published('The budget leaves the libraries without staff.');

    const first = await report('127.0.0.11', id, { reason: 'Spam or advertising', note: 'Posted the same thing on every article' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ commentId: id, reported: true });
    // One report per reader per comment.
    const again = await report('127.0.0.11', id, { reason: 'Off topic' });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe('You have already reported this comment.');
    expect((await report('127.0.0.12', id, { reason: 'Spam or advertising' })).status).toBe(201);
    // A signed-in reader is one reader wherever they are; the same person through another network is not a second.
    const token = authorToken('reader-7', 'Dana');
    expect((await report('127.0.0.13', id, { reason: 'Abuse or harassment', authorToken: token })).status).toBe(201);
    expect((await report('127.0.0.14', id, { reason: 'Off topic', authorToken: token })).status).toBe(409);

    // Still published: a report changes no status (one reader cannot take a comment down).
    let c = await card(id);
    expect(c.status).toBe('approved');
    expect(c.openReports).toBe(3);
    expect(c.reports.map((r) => r.reason).sort()).toEqual(['Abuse or harassment', 'Spam or advertising', 'Spam or advertising']);
    expect(c.reports.find((r) => r.note)?.note).toBe('Posted the same thing on every article');
    expect(c.audit.filter((e) => e.reason?.startsWith('reported by a reader: ')).length).toBe(3);
    const thread = await http<{ comments: Array<{ id: string }> }>(`${api.url}/api/public/articles/reports/comments`, 'GET');
    expect(thread.body.comments.map((x) => x.id)).toContain(id);

    expect(await reportedQueue()).toEqual([expect.objectContaining({ id, openReports: 3 })]);
    expect((await freshCounts()).reported).toBe(1);

    // Approve again = keep: a decision (version moves, audit row), the reports are resolved, the queue is empty.
    const kept = await decide(id, 'approve', c.version);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ status: 'approved', version: c.version + 1 });
    c = await card(id);
    expect(c.openReports).toBe(0);
    expect(c.reports).toEqual([]);
    expect(c.audit.at(-1)).toMatchObject({ toStatus: 'approved', reason: 'kept after reader reports' });
    const resolved = await api.ds.query(`SELECT DISTINCT resolution FROM comment_reports WHERE comment_id = $1`, [id]);
    expect(resolved).toEqual([{ resolution: 'kept' }]);
    expect(await reportedQueue()).toEqual([]);
    expect((await freshCounts()).reported).toBe(0);
    // Approving a published comment without open reports is still a no-op (no version move).
    expect((await decide(id, 'approve', c.version)).body).toMatchObject({ version: c.version });

    // A new reader's report brings it back; the moderator hides it this time, with a reason.
    expect((await report('127.0.0.15', id, { reason: 'Misinformation' })).status).toBe(201);
    c = await card(id);
    expect(c.openReports).toBe(1);
    const hidden = await decide(id, 'hide', c.version, 'Misinformation');
    expect(hidden.body).toMatchObject({ status: 'hidden' });
    const rows = await api.ds.query(`SELECT resolution, resolved_by IS NOT NULL AS by_someone FROM comment_reports WHERE comment_id = $1 ORDER BY created_at`, [id]);
    expect(rows.map((r: { resolution: string }) => r.resolution)).toEqual(['kept', 'kept', 'kept', 'hidden']);
    expect(rows.every((r: { by_someone: boolean }) => r.by_someone)).toBe(true);
    // Hidden: no longer reportable (and a reader cannot tell it from an unknown comment).
    const gone = await report('127.0.0.16', id, { reason: 'Off topic' });
    expect(gone.status).toBe(404);
    expect((gone.body as { message: string }).message).toBe(`no published comment ${id}`);
  });

  it('only published comments can be reported; bad input is a 4xx naming the problem and stores nothing', async () => {
    const pending = (await postComment(api, 'reports', { authorName: 'Writer', body: 'Waiting for a moderator about the budget.' })).body.id;
    const ok = await published('The bus routes need the money more than the stadium.');
    const from = '127.0.0.21';

    expect((await report(from, pending, { reason: 'Off topic' })).status).toBe(404);
    expect((await report(from, '00000000-0000-4000-8000-000000000000', { reason: 'Off topic' })).status).toBe(404);

    const cases: Array<[string, string, unknown, number, RegExp]> = [
      ['not a uuid', 'not-a-uuid', { reason: 'Off topic' }, 400, /id: expected a UUID/],
      ['no reason', ok, {}, 400, /reason/],
      ['unknown reason', ok, { reason: 'I disagree' }, 400, /reason: must be one of: Spam or advertising, /],
      ['unknown field', ok, { reason: 'Off topic', commentId: ok }, 400, /commentId/],
      ['long note', ok, { reason: 'Off topic', note: 'x'.repeat(501) }, 400, /note/],
      ['control characters', ok, { reason: 'Off topic', note: 'a\u0000b' }, 400, /note/],
      ['wrong type', ok, { reason: ['Off topic'] }, 400, /reason/],
      ['forged sign-in', ok, { reason: 'Off topic', authorToken: 'a.b.c' }, 401, /authorToken/],
    ];
    for (const [what, id, body, status, message] of cases) {
      const res = await report(from, id, body);
      if (res.status !== status) throw new Error(`${what}: got ${res.status} ${JSON.stringify(res.body)}`);
      const text = JSON.stringify((res.body as { message: unknown }).message);
      if (!message.test(text)) throw new Error(`${what}: message ${text} does not match ${message}`);
    }
    const raw = await http(`${api.url}/api/public/comments/${ok}/reports`, 'POST', '{"reason":');
    expect(raw.status).toBe(400);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM comment_reports WHERE comment_id = ANY($1)`, [[pending, ok]])).toEqual([{ n: 0 }]);
  });

  it('a reader may send at most REPORT_LIMIT_PER_READER reports per window: then 429 with Retry-After, counted in Redis', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await published(`Comment number ${i} about the council budget and its roads.`));
    const from = '127.0.0.31';
    for (const id of ids.slice(0, 3)) expect((await report(from, id, { reason: 'Off topic' })).status).toBe(201);
    const over = await report(from, ids[3]!, { reason: 'Off topic' });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ statusCode: 429, limit: 'report' });
    expect((over.body as { message: string }).message).toMatch(/^You have reported many comments in a short time: please wait \d+ seconds? before reporting again\.$/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another reader is not held back.
    expect((await report('127.0.0.32', ids[3]!, { reason: 'Off topic' })).status).toBe(201);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM comment_reports WHERE comment_id = ANY($1)`, [ids])).toEqual([{ n: 4 }]);
  });
});
