import type { ModerationCommentDetail, ReplyResponse } from '@sift/shared';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, the worker, Postgres. A moderator's reply is a stored, approved staff comment in the thread.
describe('reply as moderator', () => {
  const { api } = useStack({ worker: true });
  let mod: Record<string, string>;

  beforeEach(async () => {
    await putArticle(api, 'reply-article');
    mod = await loginAs(api, 'moderator');
  });

  it('stores an approved staff comment under the parent, linked from both audit trails', async () => {
    const { body: posted } = await postComment(api, 'reply-article', { authorName: 'Pat', body: 'Where do the figures in paragraph two come from?' });
    await eventually(async () => (await api.ds.query(`SELECT status FROM comments WHERE id = $1`, [posted.id]))[0].status !== 'pending');
    const res = await http<ReplyResponse>(`${api.url}/api/moderation/comments/${posted.id}/reply`, 'POST', { body: '  The council budget report, page 4.  ' }, mod);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId: posted.id, status: 'approved', authorRole: 'staff', authorName: 'moderator user', body: 'The council budget report, page 4.' });

    const [row] = await api.ds.query(`SELECT * FROM comments WHERE id = $1`, [res.body.id]);
    expect(row).toMatchObject({ parent_id: posted.id, status: 'approved', author_role: 'staff', article_id: expect.any(String) });
    expect(row.staff_user_id).not.toBeNull();
    expect(row.decided_at).not.toBeNull();

    const parent = (await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${posted.id}`, 'GET', undefined, mod)).body;
    const note = parent.audit.find((e) => e.reason === 'moderator replied');
    expect(note).toMatchObject({ actorType: 'user', actorName: 'moderator user', fromStatus: null, toStatus: null, details: { replyId: res.body.id } });
    expect(parent.replies).toEqual([expect.objectContaining({ id: res.body.id, staff: true, status: 'approved' })]);

    const reply = (await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${res.body.id}`, 'GET', undefined, mod)).body;
    expect(reply.authorRole).toBe('staff');
    expect(reply.parent?.id).toBe(posted.id);
    expect(reply.audit.map((e) => [e.fromStatus, e.toStatus, e.actorType, e.reason])).toEqual([[null, 'approved', 'user', 'moderator reply']]);
    expect(reply.audit[0].details).toEqual({ inReplyTo: posted.id });
    // Staff replies are never triaged.
    expect((await api.ds.query(`SELECT count(*)::int AS n FROM triage_decisions WHERE comment_id = $1`, [res.body.id]))[0].n).toBe(0);
  });

  it('404 for an unknown comment, 400 for an empty or oversized reply', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await http(`${api.url}/api/moderation/comments/${unknown}/reply`, 'POST', { body: 'hi' }, mod)).status).toBe(404);
    const { body: posted } = await postComment(api, 'reply-article', { body: 'A question about the budget for roads.' });
    expect((await http(`${api.url}/api/moderation/comments/${posted.id}/reply`, 'POST', { body: '   ' }, mod)).status).toBe(400);
    expect((await http(`${api.url}/api/moderation/comments/${posted.id}/reply`, 'POST', { body: 'x'.repeat(10001) }, mod)).status).toBe(400);
  });
});
