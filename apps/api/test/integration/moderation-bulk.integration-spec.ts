import type { BulkDecisionResponse, ModerationCommentDetail } from '@sift/shared';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, the worker flagging comments through BullMQ, Postgres. One bulk request decides many
// comments, each version-checked on its own.
describe('bulk decisions', () => {
  const { api } = useStack({ worker: true });
  let mod: Record<string, string>;
  let other: Record<string, string>;

  beforeEach(async () => {
    await putArticle(api, 'bulk-article');
    mod = await loginAs(api, 'moderator');
    other = await loginAs(api, 'moderator', 'second@test.local');
  });

  const flagged = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { body } = await postComment(api, 'bulk-article', { body: `Offer ${i}: https://a.example/${i} https://b.example/${i} www.c${i}.example.com` });
      ids.push(body.id);
    }
    await eventually(async () => {
      const rows = await api.ds.query(`SELECT count(*)::int AS n FROM comments WHERE id = ANY($1) AND status = 'flagged'`, [ids]);
      return rows[0].n === n;
    }, 15000, 'the worker to flag the comments');
    return ids;
  };
  const card = async (id: string) => (await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${id}`, 'GET', undefined, mod)).body;
  const bulk = (body: unknown, headers = mod) => http<BulkDecisionResponse>(`${api.url}/api/moderation/comments/bulk-decision`, 'POST', body, headers);

  it('hides many comments in one request, with an audit event per comment', async () => {
    const ids = await flagged(3);
    const res = await bulk({ action: 'hide', reason: 'Spam or advertising', items: ids.map((id) => ({ id, version: 2 })) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ action: 'hide', ok: 3, failed: 0 });
    expect(res.body.results.map((r) => [r.id, r.result, r.status, r.version])).toEqual(ids.map((id) => [id, 'ok', 'hidden', 3]));
    for (const id of ids) {
      const c = await card(id);
      expect(c.status).toBe('hidden');
      const last = c.audit.at(-1)!;
      expect(last).toMatchObject({ fromStatus: 'flagged', toStatus: 'hidden', actorType: 'user', actorName: 'moderator user', reason: 'Spam or advertising' });
      expect(last.details).toEqual({ bulk: true });
    }
  });

  it('reports mixed results per item: ok, stale version (who decided), impossible, unknown', async () => {
    const [a, b, c] = await flagged(3);
    // A colleague approves b first: the bulk request still carries b's old version.
    const first = await http(`${api.url}/api/moderation/comments/${b}/decision`, 'POST', { action: 'approve', version: 2 }, other);
    expect(first.status).toBe(200);
    await bulk({ action: 'hide', items: [{ id: c, version: 2 }] });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await bulk({
      action: 'hide',
      items: [
        { id: a, version: 2 },
        { id: b, version: 2 },
        { id: c, version: 3 },
        { id: unknown, version: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(2);
    expect(res.body.failed).toBe(2);
    const byId = Object.fromEntries(res.body.results.map((r) => [r.id, r]));
    expect(byId[a]).toMatchObject({ result: 'ok', status: 'hidden' });
    expect(byId[b]).toMatchObject({ result: 'conflict', status: 'approved', decidedBy: 'moderator user', version: 3 });
    expect(byId[b].message).toContain('made it approved');
    // c is already hidden at the version given: hiding it again is a no-op that succeeds.
    expect(byId[c]).toMatchObject({ result: 'ok', status: 'hidden' });
    expect(byId[unknown]).toMatchObject({ result: 'not_found' });
    expect((await card(b)).status).toBe('approved');
  });

  it('approve from hidden works; a pending-only transition that is impossible is reported as invalid', async () => {
    const [a] = await flagged(1);
    await bulk({ action: 'hide', items: [{ id: a, version: 2 }] });
    const res = await bulk({ action: 'approve', items: [{ id: a, version: 3 }] });
    expect(res.body.results[0]).toMatchObject({ result: 'ok', status: 'approved', version: 4 });
  });

  it('refuses bad input: empty, too many, bad ids, unknown action', async () => {
    expect((await bulk({ action: 'hide', items: [] })).status).toBe(400);
    expect((await bulk({ action: 'delete', items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] })).status).toBe(400);
    expect((await bulk({ action: 'hide', items: [{ id: 'nope', version: 1 }] })).status).toBe(400);
    const many = Array.from({ length: 201 }, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 }));
    expect((await bulk({ action: 'hide', items: many })).status).toBe(400);
    expect((await bulk({ action: 'hide', items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }, {})).status).toBe(401);
  });
});
