import type { ChildProcess } from 'node:child_process';
import { eventually, http } from '../utils/harness.js';
import { exited, spawnEntry } from '../utils/processes.js';
import { freePort } from '../utils/throwaway-redis.js';

// Issue 16, item 14: /metrics on the API and the worker were public by default. Real: the API (src/main.ts) and the
// worker (src/worker.ts) as OS processes with this run's Postgres and Redis and a METRICS_TOKEN, as production has
// to run them (production refuses to start without one: config unit spec).
describe('/metrics needs METRICS_TOKEN', () => {
  const TOKEN = 'scrape-token-0123456789abcdef';
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await exited(c);
    }
  });

  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('the worker: /metrics is a 401 without the token or with another; /health stays open; the start says so', async () => {
    const port = await freePort();
    const worker = spawnEntry('worker', { WORKER_METRICS_PORT: String(port), METRICS_TOKEN: TOKEN, LOG_LEVEL: 'info' });
    children.push(worker);
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => http(`${url}/health`, 'GET').catch(() => undefined), 30000, `the worker's /health (output: ${worker.output()})`);
    expect((await http(`${url}/health`, 'GET')).status).toBe(200);
    for (const headers of [{}, bearer('not-the-token-0123456789'), { authorization: TOKEN }]) {
      const res = await http<{ message: string }>(`${url}/metrics`, 'GET', undefined, headers);
      expect([res.status, res.body.message]).toEqual([401, 'metrics need Authorization: Bearer <METRICS_TOKEN>']);
    }
    const ok = await http<string>(`${url}/metrics`, 'GET', undefined, bearer(TOKEN));
    expect([ok.status, ok.body]).toEqual([200, expect.stringContaining('sift_queue_jobs{queue="triage"')]);
    await eventually(async () => worker.output().includes('worker /metrics needs Authorization: Bearer <METRICS_TOKEN>'), 10000, 'the start-up line');
  });

  it('the API: the same, and its start says so', async () => {
    const port = await freePort();
    const api = spawnEntry('main', { PORT: String(port), METRICS_TOKEN: TOKEN, LOG_LEVEL: 'info' });
    children.push(api);
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => http(`${url}/health/live`, 'GET').catch(() => undefined), 30000, `the API (output: ${api.output()})`);
    const none = await http<{ message: string }>(`${url}/metrics`, 'GET');
    expect([none.status, none.body.message]).toEqual([401, 'metrics need Authorization: Bearer <METRICS_TOKEN>']); // was a 500 with the token set
    expect((await http(`${url}/metrics`, 'GET', undefined, bearer('not-the-token-0123456789'))).status).toBe(401);
    expect((await http<string>(`${url}/metrics`, 'GET', undefined, bearer(TOKEN))).body).toContain('sift_http_request_duration_seconds');
    await eventually(async () => api.output().includes('API /metrics needs Authorization: Bearer <METRICS_TOKEN>'), 10000, 'the start-up line');
  });
});
