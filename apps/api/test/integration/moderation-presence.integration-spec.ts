import type { LiveEvent, PresenceEntry } from '@sift/shared';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../src/core/config/config.js';
import { APP_CONFIG } from '../../src/core/config/config.module.js';
import { REDIS } from '../../src/core/redis/redis.tokens.js';
import { type Api, eventually, http, loginAs, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { openStream } from '../utils/sse.js';

// Real: two API instances on the machine's Redis (keys, TTLs and pub/sub) and Postgres. Issue 17, item 6: who else
// has a comment's card open. A heartbeat through one instance reaches a dashboard streaming from the other; the
// identity is the session's; a goodbye removes it at once and a silent viewer lapses by the TTL.
describe('presence: who else has a card open', () => {
  let api1: Api;
  let api2: Api;
  let mod: Record<string, string>;
  let admin: Record<string, string>;
  let adminId: string;
  let modId: string;
  let commentId: string;
  let redis: Redis;
  let setKey: string;

  beforeAll(async () => {
    api1 = await startApi();
    api2 = await startApi();
    redis = api1.app.get<Redis>(REDIS);
    setKey = `${api1.app.get<AppConfig>(APP_CONFIG).redis.prefix}:presence`;
  });
  afterAll(async () => {
    await api2.close();
    await api1.close();
  });
  beforeEach(async () => {
    await resetDatabase(api1.ds);
    await putArticle(api1, 'presence-article');
    mod = await loginAs(api1, 'moderator');
    admin = await loginAs(api1, 'admin');
    adminId = (await http<{ id: string }>(`${api1.url}/api/auth/me`, 'GET', undefined, admin)).body.id;
    modId = (await http<{ id: string }>(`${api1.url}/api/auth/me`, 'GET', undefined, mod)).body.id;
    commentId = (await postComment(api1, 'presence-article', { body: 'The night buses should run every twenty minutes.' })).body.id;
  });

  const presenceUrl = (api: Api, id = commentId) => `${api.url}/api/moderation/comments/${id}/presence`;
  const mine = async (api: Api, who: Record<string, string>) =>
    (await http<PresenceEntry[]>(`${api.url}/api/moderation/presence`, 'GET', undefined, who)).body.filter((e) => e.commentId === commentId);

  it('a heartbeat through API 1 reaches a dashboard on API 2, named from the session; leaving removes it at once', async () => {
    const stream = await openStream(api2, mod);
    type Presence = Extract<LiveEvent, { type: 'presence' }>;
    const events = () => (stream.messages as unknown as LiveEvent[]).filter((e): e is Presence => e.type === 'presence' && e.id === commentId);
    try {
      // The body claims to be someone else: ignored, the session says who is looking.
      const beat = await http<PresenceEntry[]>(presenceUrl(api1), 'PUT', { userId: modId, name: 'Someone Else' }, admin);
      expect(beat.status).toBe(200);
      expect(beat.body).toEqual([{ commentId, userId: adminId, name: 'admin user', expiresIn: 30 }]);
      const seen = await eventually(async () => events()[0], 10000, 'the presence event on API 2');
      expect(seen).toMatchObject({ type: 'presence', id: commentId, userId: adminId, name: 'admin user', expiresIn: 30 });

      // Another instance answers the same: it is in Redis, not in a process.
      expect(await mine(api2, mod)).toEqual([{ commentId, userId: adminId, name: 'admin user', expiresIn: 30 }]);
      const both = await http<PresenceEntry[]>(presenceUrl(api2), 'PUT', undefined, mod);
      expect(both.body.map((e) => e.name).sort()).toEqual(['admin user', 'moderator user']);

      // The admin closes the card: gone for everyone now, not after the TTL.
      expect((await http(presenceUrl(api1), 'DELETE', undefined, admin)).status).toBe(204);
      await eventually(async () => events().find((e) => e.type === 'presence' && e.userId === adminId && e.expiresIn === 0), 10000, 'the goodbye event');
      expect((await mine(api1, mod)).map((e) => e.userId)).toEqual([modId]);
      // A second goodbye changes nothing and says nothing.
      const before = events().length;
      expect((await http(presenceUrl(api1), 'DELETE', undefined, admin)).status).toBe(204);
      await http(presenceUrl(api1), 'PUT', undefined, mod);
      await eventually(async () => events().slice(before).some((e) => e.userId === modId), 10000, 'the next heartbeat');
      expect(events().slice(before).map((e) => e.userId)).toEqual([modId]);
    } finally {
      await stream.stop();
    }
  });

  it('a viewer whose heartbeats stop lapses after the TTL; the keys expire with it', async () => {
    await http(presenceUrl(api1), 'PUT', undefined, admin);
    const ttl = await redis.pttl(setKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await redis.pttl(`${setKey}:names`)).toBeGreaterThan(0);
    expect((await mine(api1, mod)).map((e) => e.userId)).toEqual([adminId]);

    // The admin's tab closed without a goodbye: her entry's time is up (moved back, as 30 silent seconds would).
    await redis.zadd(setKey, 'XX', Date.now() - 1, `${commentId}:${adminId}`);
    expect(await mine(api1, mod)).toEqual([]);
    // The next heartbeat (anyone's) sweeps it out of Redis.
    await http(presenceUrl(api1), 'PUT', undefined, mod);
    expect(await redis.zscore(setKey, `${commentId}:${adminId}`)).toBeNull();
  });

  it('bad input is a 4xx naming the problem and stores nothing; only staff', async () => {
    const before = await redis.zcard(setKey);
    const bad = await http<{ message: string }>(`${api1.url}/api/moderation/comments/not-a-uuid/presence`, 'PUT', undefined, mod);
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringMatching(/^id: expected a UUID/)]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await http<{ message: string }>(presenceUrl(api1, unknown), 'PUT', undefined, mod);
    expect([missing.status, missing.body.message]).toEqual([404, `comment ${unknown} not found`]);
    expect((await http(`${api1.url}/api/moderation/comments/x%00/presence`, 'DELETE', undefined, mod)).status).toBe(400);
    expect(await redis.zcard(setKey)).toBe(before);
    expect(await redis.zscore(setKey, `${unknown}:${modId}`)).toBeNull();

    // Signed out, or a reader's token: 401 (the authz-matrix spec checks every caller).
    const { body } = await postComment(api1, 'presence-article', { body: 'A second comment about the buses.' });
    expect((await http(presenceUrl(api1), 'PUT')).status).toBe(401);
    expect((await http(presenceUrl(api1), 'PUT', undefined, { authorization: `Bearer ${(body as unknown as { readerToken: string }).readerToken}` })).status).toBe(401);
    expect((await http(`${api1.url}/api/moderation/presence`, 'GET')).status).toBe(401);
  });
});
