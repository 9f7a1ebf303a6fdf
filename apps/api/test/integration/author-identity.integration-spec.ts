import { authorToken, eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Issue 16, items 1 and 8. Real: the HTTP app, the worker, Postgres, Redis. The publisher "test" signs author tokens
// with its secret from AUTHOR_TOKEN_SECRETS (test/global-setup.ts; utils/harness.ts authorToken).
describe('who an author is', () => {
  const { api } = useStack({ worker: true });
  let mod: Record<string, string>;

  beforeEach(async () => {
    mod = await loginAs(api, 'moderator');
    await putArticle(api, 'identity');
  });

  const settled = (id: string) =>
    eventually(async () => {
      const [r] = await api.ds.query(`SELECT status FROM comments WHERE id = $1 AND EXISTS (SELECT 1 FROM triage_decisions WHERE comment_id = $1)`, [id]);
      return r?.status as string | undefined;
    }, 15000, `triage of ${id}`);
  const setStatus = (key: string, status: string) => http(`${api.url}/api/moderation/authors/${encodeURIComponent(key)}`, 'PUT', { status }, mod);
  const count = async () => (await api.ds.query(`SELECT count(*)::int AS n FROM comments`))[0].n as number;

  // Item 1: a moderator trusts Tina (pub-user-42), an admin turns on pre-moderation, and an anonymous post claiming
  // her id was approved and public at once.
  it('nobody can speak as a trusted author: an unsigned authorId is refused; only the publisher-signed id is trusted', async () => {
    const tina = await postComment(api, 'identity', { authorToken: authorToken('pub-user-42', 'Tina'), body: 'The schools plan is good.' });
    expect(tina.status).toBe(202);
    await settled(tina.body.id);
    expect((await setStatus('id:test:pub-user-42', 'trusted')).status).toBe(200);
    await api.ds.query(`UPDATE site_settings SET pre_moderate = true`);

    const before = await count();
    const forged = await postComment(api, 'identity', { authorName: 'Not Tina', authorId: 'pub-user-42', body: 'Vote for the roads plan instead!' });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({
      message: 'authorId: is not accepted unsigned: send the signed-in reader as authorToken, a token the publisher signs (docs/reader.md)',
      fields: { authorId: [expect.stringMatching(/^is not accepted unsigned/)] },
    });
    expect(await count()).toBe(before);

    const signed = await postComment(api, 'identity', { authorToken: authorToken('pub-user-42', 'Tina'), body: 'Schools first, roads next year.' });
    const unsigned = await postComment(api, 'identity', { authorName: 'Tina', body: 'Schools first, roads next year!' });
    expect(await settled(signed.body.id)).toBe('approved'); // trusted: skips pre-moderation
    expect(await settled(unsigned.body.id)).toBe('pending'); // a name is not an identity
    const rows = await api.ds.query(`SELECT author_name, author_id, author_key FROM comments WHERE id = ANY($1) ORDER BY received_at`, [[signed.body.id, unsigned.body.id]]);
    expect(rows[0]).toEqual({ author_name: 'Tina', author_id: 'pub-user-42', author_key: 'id:test:pub-user-42' });
    expect(rows[1].author_key).toMatch(/^ip:[\w-]+:tina$/);
  });

  it('the name shown is the one the publisher signed, whatever the body says', async () => {
    const res = await postComment(api, 'identity', { authorToken: authorToken('u7', 'Tina Example'), authorName: 'Someone Else', body: 'Hello.' });
    expect(res.status).toBe(202);
    expect((await api.ds.query(`SELECT author_name FROM comments WHERE id = $1`, [res.body.id]))[0].author_name).toBe('Tina Example');
  });

  it.each([
    ['signed with another secret', () => authorToken('u1', 'U', { secret: 'x'.repeat(40) }), 'is not valid: invalid signature'],
    ['expired', () => authorToken('u1', 'U', { expiresInSeconds: -120 }), 'has expired: get a fresh one from the publisher (reload the page)'],
    ['of an unknown publisher', () => authorToken('u1', 'U', { kid: 'other' }), 'names an unknown publisher in its kid header ("other")'],
    ['without kid', () => authorToken('u1', 'U', { kid: '' }), 'has no kid header naming the publisher whose secret signed it'],
    ['valid for two days', () => authorToken('u1', 'U', { expiresInSeconds: 2 * 86400 }), 'expires more than 24 hours from now: mint short-lived tokens'],
    ['without sub', () => authorToken('', 'U'), 'needs a sub claim: the author\'s id, 1 to 200 characters without control characters'],
    ['without name', () => authorToken('u1', ''), 'needs a name claim: the name to show, 1 to 80 characters without control characters'],
    ['not a JWT', () => 'pub-user-42', 'is not a JSON Web Token'],
  ])('a token %s is a 401 that says so, and stores nothing', async (_what, token, problem) => {
    const before = await count();
    const res = await postComment(api, 'identity', { authorToken: token(), body: 'Hello.' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: `authorToken: ${problem}`, fields: { authorToken: [problem] } });
    expect(await count()).toBe(before);
  });

  // Item 8: after blocking "Nasty", `Nasty\u200b` and the full-width `Ｎａｓｔｙ` were approved.
  it('blocks hold whatever invisible, full-width or look-alike characters the name is typed with; names show as typed', async () => {
    const first = await postComment(api, 'identity', { authorName: 'Nasty', body: 'First comment about the schools.' });
    await settled(first.body.id);
    const [{ author_key: key }] = await api.ds.query(`SELECT author_key FROM comments WHERE id = $1`, [first.body.id]);
    expect((await setStatus(key, 'blocked')).status).toBe(200);

    const variants = ['Nasty\u200b', 'Ｎａｓｔｙ', 'N\u0430sty', '  nasty ', 'NAS\u00adTY', '\u200eNasty', '𝐍𝐚𝐬𝐭𝐲'];
    for (const name of variants) {
      const res = await postComment(api, 'identity', { authorName: name, body: `Another comment about the schools (${variants.indexOf(name)}).` });
      expect(res.status).toBe(202);
      expect(await settled(res.body.id)).toBe('hidden');
      const [row] = await api.ds.query(`SELECT author_name, author_key FROM comments WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ author_name: name.trim(), author_key: key });
    }
    const other = await postComment(api, 'identity', { authorName: 'Nastya', body: 'The council budget for schools looks fair to me.' });
    expect(await settled(other.body.id)).not.toBe('hidden'); // another author: the block is not hers
    expect((await api.ds.query(`SELECT author_key FROM comments WHERE id = $1`, [other.body.id]))[0].author_key).not.toBe(key);

    const invisible = await postComment(api, 'identity', { authorName: '\u200b\u200d', body: 'Who am I?' });
    expect(invisible.status).toBe(400);
    expect(invisible.body).toMatchObject({ message: 'authorName: must contain a visible character' });
  });
});
