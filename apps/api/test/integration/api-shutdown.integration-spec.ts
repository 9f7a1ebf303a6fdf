import { http, putArticle, useStack } from '../utils/harness.js';
import { exited, spawnEntry } from '../utils/processes.js';
import { freePort } from '../utils/throwaway-redis.js';

// Real: the API as its own OS process (src/main.ts) on Postgres and Redis, stopped with SIGTERM under load. The
// in-process app of `useStack` is only used to read the database.
describe('API graceful shutdown', () => {
  const { api } = useStack();

  it('SIGTERM under load: the process exits, every request is answered or refused, every 202 is stored', async () => {
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
    const results = await Promise.all(inFlight);
    const { code, signal } = await exited(child);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);

    const accepted = results.filter((r) => r.status === 202).map((r) => r.id as string);
    // A request is either answered (202) or never got in (connection refused once the server stopped listening):
    // none was dropped half-way (no reset after acceptance).
    for (const r of results) {
      if (r.status !== 202) expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 503]).toContain('error' in r ? r.error : r.status);
    }
    expect(accepted.length).toBeGreaterThan(0);
    const stored = await api.ds.query(`SELECT id FROM comments WHERE id = ANY($1)`, [accepted]);
    expect(stored).toHaveLength(accepted.length);
    expect((await http(`${base}/health/live`, 'GET').catch(() => ({ status: 0 }))).status).toBe(0);
  }, 60000);

});
