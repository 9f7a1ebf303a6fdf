import { authorToken, http, loginAs, postComment, postFrom, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, Postgres, Redis. A moderator suspends an author for a set time; intake refuses them with the
// moderator's message until then. "Later" is made by moving the stored end into the past (no waiting, no clock
// in the test): the suspension is compared when the author posts, so nothing has to run when it ends.
describe('author suspension (issue 17, item 17)', () => {
  const { api } = useStack();
  let staff: Record<string, string>;

  beforeEach(async () => {
    staff = await loginAs(api, 'moderator');
    await putArticle(api, 'suspend');
  });

  const keyOf = async (id: string) => (await api.ds.query(`SELECT author_key FROM comments WHERE id = $1`, [id]))[0].author_key as string;
  const authorUrl = (key: string) => `${api.url}/api/moderation/authors/${encodeURIComponent(key)}`;
  const suspend = (key: string, body: unknown) => http<Record<string, unknown>>(`${authorUrl(key)}/suspension`, 'PUT', body, staff);
  const say = (authorName: string, body: string) => postComment(api, 'suspend', { authorName, body });

  it('refuses the author with the message until the time is up, then lets them post again by itself; others are not touched', async () => {
    const first = await say('Nadia', 'The budget is a disgrace and so are you all.');
    const key = await keyOf(first.body.id);

    const res = await suspend(key, { hours: 48, message: 'Two days off for personal attacks. Keep it civil.' });
    expect(res.status).toBe(200);
    const until = Date.parse(res.body.suspendedUntil as string);
    expect(until - Date.now()).toBeGreaterThan(47.9 * 3600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(48 * 3600_000);
    expect(res.body.suspensionMessage).toBe('Two days off for personal attacks. Keep it civil.');

    const refused = await say('nadia ', 'Let me post again about the budget.');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, suspendedUntil: res.body.suspendedUntil, suspensionMessage: 'Two days off for personal attacks. Keep it civil.' });
    expect((refused.body as unknown as { message: string }).message).toMatch(
      /^You cannot post comments until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. The moderators say: Two days off for personal attacks\. Keep it civil\.$/,
    );
    expect((await say('Omar', 'The budget is fine by me, roads first.')).status).toBe(202);
    expect(await api.ds.query(`SELECT author_name FROM comments ORDER BY received_at`)).toEqual([{ author_name: 'Nadia' }, { author_name: 'Omar' }]);

    // Time passes: the end is now behind us. Nothing ran; the next post compares the time and goes through.
    await api.ds.query(`UPDATE authors SET suspended_until = now() - interval '1 second' WHERE key = $1`, [key]);
    expect((await http<{ suspendedUntil: string | null }>(authorUrl(key), 'GET', undefined, staff)).body.suspendedUntil).toBeNull();
    expect((await say('Nadia', 'Fair enough, the roads do need the money.')).status).toBe(202);
  });

  it('a moderator lifts it early; a new suspension replaces the old; the list status is kept', async () => {
    const first = await say('Piet', 'First comment about the stadium deal.');
    const key = await keyOf(first.body.id);
    expect((await http(authorUrl(key), 'PUT', { status: 'review' }, staff)).status).toBe(200);
    expect((await suspend(key, { hours: 1, message: 'An hour.' })).status).toBe(200);
    const longer = await suspend(key, { hours: 24 * 7, message: 'A week, after the second warning.' });
    expect(longer.body).toMatchObject({ status: 'review', suspensionMessage: 'A week, after the second warning.' });
    expect((await say('Piet', 'Trying again.')).status).toBe(403);

    const lifted = await http<Record<string, unknown>>(`${authorUrl(key)}/suspension`, 'DELETE', undefined, staff);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ status: 'review', suspendedUntil: null, suspensionMessage: null });
    expect((await say('Piet', 'Trying again after the lift.')).status).toBe(202);
  });

  it('holds for a signed-in reader on any network', async () => {
    const token = authorToken('reader-9', 'Ilse');
    const first = await postFrom('127.0.0.41', `${api.url}/api/articles/suspend/comments`, { authorToken: token, body: 'Signed in and commenting.' });
    const key = await keyOf((first.body as { id: string }).id);
    expect(key).toBe('id:test:reader-9');
    expect((await suspend(key, { hours: 3, message: 'Three hours.' })).status).toBe(200);
    const elsewhere = await postFrom('127.0.0.42', `${api.url}/api/articles/suspend/comments`, { authorToken: token, body: 'From another network.' });
    expect(elsewhere.status).toBe(403);
  });

  it('bad input is a 400 naming the field (404 for nobody), and changes nothing', async () => {
    const first = await say('Quinn', 'A comment about the budget.');
    const key = await keyOf(first.body.id);
    const cases: Array<[unknown, RegExp]> = [
      [{ hours: 0, message: 'x' }, /hours/],
      [{ hours: 1.5, message: 'x' }, /hours/],
      [{ hours: 24 * 366, message: 'x' }, /hours/],
      [{ hours: '5', message: 'x' }, /hours/],
      [{ hours: 5 }, /message/],
      [{ hours: 5, message: '   ' }, /message/],
      [{ hours: 5, message: 'x'.repeat(501) }, /message/],
      [{ hours: 5, message: 'x', until: '2030-01-01' }, /until/],
    ];
    for (const [body, field] of cases) {
      const res = await suspend(key, body);
      if (res.status !== 400) throw new Error(`${JSON.stringify(body)}: got ${res.status}`);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    }
    expect((await suspend('ip:nobody:nobody', { hours: 5, message: 'x' })).status).toBe(404);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM authors WHERE suspended_until IS NOT NULL`)).toEqual([{ n: 0 }]);
    expect((await say('Quinn', 'Still free to post.')).status).toBe(202);
  });
});
