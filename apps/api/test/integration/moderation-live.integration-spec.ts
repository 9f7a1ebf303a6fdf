import type { INestApplicationContext } from '@nestjs/common';
import type { LiveEvent, StreamTokenResponse } from '@sift/shared';
import { LiveEventsSubscriber } from '../../src/core/redis/live-events.js';
import { type Api, eventually, http, loginAs, postComment, putArticle, startApi, startWorker } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { openStream } from '../utils/sse.js';

// Real: two API instances (two HTTP servers, each with its own Redis subscriber) and the worker, on the machine's
// Redis pub/sub and Postgres. An event caused through one instance (or the worker) reaches a client of the other.
describe('live updates over SSE, fanned out through Redis', () => {
  let api1: Api;
  let api2: Api;
  let worker: INestApplicationContext;
  let mod: Record<string, string>;

  beforeAll(async () => {
    api1 = await startApi();
    api2 = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api2.close();
    await api1.close();
  });
  beforeEach(async () => {
    await resetDatabase(api1.ds);
    await putArticle(api1, 'live-article');
    mod = await loginAs(api1, 'moderator');
  });

  const open = (api: Api) => openStream(api, mod);

  it('a decision through API 1 reaches a stream client of API 2; intake and the worker too', async () => {
    await api2.app.get(LiveEventsSubscriber).start();
    const stream = await open(api2);
    try {
      const { body } = await postComment(api1, 'live-article', { body: 'Links: https://a.example/1 https://b.example/2 www.c.example.com' });
      const events = () => stream.messages as unknown as LiveEvent[];
      await eventually(async () => events().some((e) => e.type === 'received' && e.id === body.id), 10000, 'the received event');
      await eventually(async () => events().some((e) => e.type === 'changed' && e.id === body.id && e.to === 'flagged' && e.actorType === 'rule'), 10000, 'the worker event');

      const decided = await http(`${api1.url}/api/moderation/comments/${body.id}/decision`, 'POST', { action: 'approve', version: 2 }, mod);
      expect(decided.status).toBe(200);
      const change = await eventually(
        async () => events().find((e) => e.type === 'changed' && e.id === body.id && e.to === 'approved'),
        10000,
        'the decision event on the other instance',
      );
      expect(change).toMatchObject({ from: 'flagged', to: 'approved', version: 3, actorType: 'user' });
    } finally {
      await stream.stop();
    }
  });

  it('a rolled-back change publishes nothing (events leave after COMMIT)', async () => {
    const stream = await open(api2);
    try {
      const { body } = await postComment(api1, 'live-article', { body: 'A plain comment about the budget.' });
      await eventually(async () => (stream.messages as unknown as LiveEvent[]).some((e) => e.type === 'changed' && e.id === body.id), 10000, 'triage event');
      // A stale decision: 409, nothing changed, nothing published.
      const before = stream.messages.length;
      const stale = await http(`${api1.url}/api/moderation/comments/${body.id}/decision`, 'POST', { action: 'hide', version: 1 }, mod);
      expect(stale.status).toBe(409);
      await new Promise((r) => setTimeout(r, 300));
      expect(stream.messages.slice(before).filter((m) => m.type !== 'ping')).toEqual([]);
    } finally {
      await stream.stop();
    }
  });

  it('the stream needs a stream token: none, a login token or a forged one get 401; a stream token is no login', async () => {
    expect((await fetch(`${api1.url}/api/moderation/stream`)).status).toBe(401);
    const login = mod.authorization.slice('Bearer '.length);
    expect((await fetch(`${api1.url}/api/moderation/stream?token=${login}`)).status).toBe(401);
    expect((await fetch(`${api1.url}/api/moderation/stream?token=abc.def.ghi`)).status).toBe(401);
    const { body } = await http<StreamTokenResponse>(`${api1.url}/api/moderation/stream-token`, 'POST', undefined, mod);
    expect(body.expiresIn).toBeLessThanOrEqual(60);
    const asLogin = await http(`${api1.url}/api/moderation/comments`, 'GET', undefined, { authorization: `Bearer ${body.token}` });
    expect(asLogin.status).toBe(401);
    expect((await http(`${api1.url}/api/moderation/stream-token`, 'POST')).status).toBe(401);
  });
});
