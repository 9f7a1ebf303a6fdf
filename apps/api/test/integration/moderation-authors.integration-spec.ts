import type { AuthorRecord, ModerationCommentDetail } from '@sift/shared';
import { eventually, http, loginAs, postComment, putArticle, useStack, authorToken } from '../utils/harness.js';

// Real: the HTTP app, the worker's `author` rule reading the `authors` table, Postgres.
describe('author actions', () => {
  const { api } = useStack({ worker: true });
  let mod: Record<string, string>;

  beforeEach(async () => {
    await putArticle(api, 'authors-article');
    mod = await loginAs(api, 'moderator');
  });

  const settled = (id: string) =>
    eventually(async () => {
      const [r] = await api.ds.query(`SELECT status FROM comments WHERE id = $1 AND EXISTS (SELECT 1 FROM triage_decisions WHERE comment_id = $1)`, [id]);
      return r?.status as string | undefined;
    }, 15000, `triage of ${id}`);
  const post = async (authorId: string, body: string) => (await postComment(api, 'authors-article', { authorToken: authorToken(authorId), body })).body.id;
  const setStatus = (key: string, status: string | null, headers = mod) =>
    http<AuthorRecord>(`${api.url}/api/moderation/authors/${encodeURIComponent(key)}`, 'PUT', { status }, headers);

  it('blocking an author from the card hides their future comments (the author rule), not the past ones', async () => {
    const first = await post('r-1', 'I think the budget for roads is about right this year.');
    expect(await settled(first)).toBe('approved');
    const card = (await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${first}`, 'GET', undefined, mod)).body;
    expect(card.authorKey).toBe('id:test:r-1');
    expect(card.author).toMatchObject({ id: 'id:test:r-1', status: null, total: 1, approved: 1 });

    const res = await setStatus(card.authorKey, 'blocked');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'id:test:r-1', status: 'blocked', displayName: 'Reader r-1', updatedByName: 'moderator user' });

    const next = await post('r-1', 'Another perfectly polite comment about the schools budget.');
    expect(await settled(next)).toBe('hidden');
    const flags = await api.ds.query(`SELECT rule_type FROM triage_flags WHERE comment_id = $1`, [next]);
    expect(flags.map((f: { rule_type: string }) => f.rule_type)).toContain('author');
    expect((await api.ds.query(`SELECT status FROM comments WHERE id = $1`, [first]))[0].status).toBe('approved');

    // The next card shows the author's history with how each was decided.
    const nextCard = (await http<ModerationCommentDetail>(`${api.url}/api/moderation/comments/${next}`, 'GET', undefined, mod)).body;
    expect(nextCard.author.status).toBe('blocked');
    expect(nextCard.history).toEqual([expect.objectContaining({ id: first, status: 'approved', decidedBy: 'rules', decidedByType: 'rule' })]);
  });

  it('always-review flags their comments; trusted and un-listed do not', async () => {
    await post('r-2', 'First comment, to make the author known to the site.');
    await setStatus('id:test:r-2', 'review');
    const reviewed = await post('r-2', 'A calm remark about the new cycle lanes on the high street.');
    expect(await settled(reviewed)).toBe('flagged');
    await setStatus('id:test:r-2', 'trusted');
    const trusted = await post('r-2', 'Honestly the council got this budget right: schools and roads both win, and taxes stay flat.');
    const flags = async (id: string) => (await api.ds.query(`SELECT rule_name FROM triage_flags WHERE comment_id = $1`, [id])).map((f: { rule_name: string }) => f.rule_name);
    expect([await settled(trusted), await flags(trusted)]).toEqual(['approved', []]);
    const off = await setStatus('id:test:r-2', null);
    expect(off.body.status).toBeNull();
  });

  it('lists authors with their stats, filters by list and name, and validates input', async () => {
    const a = await post('r-3', 'Hello from a reader who likes the budget.');
    await post('r-4', 'Hello from another reader.');
    await settled(a);
    await setStatus('id:test:r-3', 'blocked');
    const all = await http<AuthorRecord[]>(`${api.url}/api/moderation/authors?sort=${encodeURIComponent('["total","DESC"]')}`, 'GET', undefined, mod);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-range')).toBe('authors 0-1/2');
    const blocked = await http<AuthorRecord[]>(`${api.url}/api/moderation/authors?filter=${encodeURIComponent('{"status":["blocked"]}')}`, 'GET', undefined, mod);
    expect(blocked.body.map((x) => x.id)).toEqual(['id:test:r-3']);
    const named = await http<AuthorRecord[]>(`${api.url}/api/moderation/authors?filter=${encodeURIComponent('{"q":"r-4"}')}`, 'GET', undefined, mod);
    expect(named.body.map((x) => x.id)).toEqual(['id:test:r-4']);
    expect((await setStatus('id:test:r-3', 'banished')).status).toBe(400);
    expect((await setStatus('id:test:nobody', 'blocked')).status).toBe(404);
    expect((await setStatus('id:test:r-3', 'blocked', {})).status).toBe(401);
  });
});
