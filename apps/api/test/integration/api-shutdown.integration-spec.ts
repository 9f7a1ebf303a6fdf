import type { StreamTokenResponse } from '@sift/shared';
import { http, loginAs, putArticle, useStack } from '../utils/harness.js';
import { exited, spawnEntry } from '../utils/processes.js';
import { freePort } from '../utils/throwaway-redis.js';

// Real: the API as its own OS process (src/main.ts) on Postgres and Redis, stopped with SIGTERM under load. The
// in-process app of `useStack` is only used to read the database.
describe('API graceful shutdown', () => {
  const { api } = useStack();

  it('SIGTERM under load: readiness turns 503 while it drains, every request sent is answered and stored, then it exits', async () => {
    await putArticle(api, 'shutdown');
    const port = await freePort();
    const child = spawnEntry('main', { PORT: String(port), HOST: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !(await fetch(`${base}/health/live`).then((r) => r.ok, () => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const post = (i: number) =>
      fetch(`${base}/api/articles/shutdown/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authorName: `Reader ${i}`, body: `The council budget for schools, view ${i}.` }),
      }).then(
        async (r) => ({ status: r.status, id: r.status === 202 ? ((await r.json()) as { id: string }).id : null }),
        (err: Error & { cause?: { code?: string } }) => ({ status: 0, id: null, error: err.cause?.code ?? err.message }),
      );
    const inFlight = Array.from({ length: 60 }, (_, i) => post(i));
    await new Promise((r) => setTimeout(r, 15));
    child.kill('SIGTERM');
    // While it drains, readiness says so (a load balancer stops routing here) and requests are still served.
    let readiness: { status: number; body?: unknown } = { status: 200 };
    for (let i = 0; i < 100 && readiness.status === 200; i++) {
      readiness = await http(`${base}/health`, 'GET').catch(() => ({ status: 0 }));
    }
    expect(readiness).toMatchObject({ status: 503, body: { status: 'stopping' } });
    const results = await Promise.all(inFlight);
    const { code, signal } = await exited(child);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(child.output()).not.toContain('shutdown took longer');

    // Every request sent before the signal is answered: none is reset half-way (a reset would leave its client not
    // knowing whether the comment was stored).
    expect(results.map((r) => r.status)).toEqual(results.map(() => 202));
    const accepted = results.map((r) => r.id as string);
    const stored = await api.ds.query(`SELECT id FROM comments WHERE id = ANY($1)`, [accepted]);
    expect(stored).toHaveLength(accepted.length);
    expect((await http(`${base}/health/live`, 'GET').catch(() => ({ status: 0 }))).status).toBe(0);
  }, 60000);

  it('SIGTERM with a dashboard streaming live events: the stream ends cleanly and the API stops without its watchdog', async () => {
    const port = await freePort();
    const child = spawnEntry('main', { PORT: String(port), HOST: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !(await fetch(`${base}/health/live`).then((r) => r.ok, () => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // The token comes from the in-process API: same secret, so the spawned replica accepts it.
    const { body } = await http<StreamTokenResponse>(`${api.url}/api/moderation/stream-token`, 'POST', undefined, await loginAs(api, 'moderator'));
    const stream = await fetch(`${base}/api/moderation/stream?token=${body.token}`);
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"ready"');
    const ended = (async () => {
      for (;;) {
        const { done } = await reader.read();
        if (done) return 'ended';
      }
    })().catch((err: Error) => `failed: ${err.message}`);

    child.kill('SIGTERM');
    // A stream that stayed open would hold the server until the 10 s watchdog, which logs that it had to step in.
    expect(await ended).toBe('ended');
    await exited(child);
    expect(child.output()).not.toContain('shutdown took longer');
  }, 60000);

});
