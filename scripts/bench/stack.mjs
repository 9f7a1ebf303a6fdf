// A throwaway Sift stack for benchmarks: its own database and Redis prefix, the built API and workers as processes.
// Loopback only; everything it starts it stops, and it drops what it created.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { ROOT } from '../lib.mjs';

export const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
export const PUBLISHER_KEY = 'bench-publisher-key';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `opts.vacuum`: on a Postgres with autovacuum off, vacuum the stack's database every 30 s in its place (long runs). */
export async function createStack(name, opts = {}) {
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) {
    throw new Error('build first: npx nx run-many -t build');
  }
  const id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const db = `sift_bench_${name}_${id}`;
  const url = new URL(PG_ADMIN);
  url.pathname = `/${db}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '20',
    REDIS_URL,
    REDIS_PREFIX: `sift-bench-${id}`,
    PUBLISHER_API_KEYS: PUBLISHER_KEY,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    RECONCILE_GRACE_SECONDS: '60',
    // Benchmarks send from one address: lift the per-IP and per-author intake limits.
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_AUTHOR: '100000000',
  };
  const procs = [];
  const run = (file, extra = {}, nodeArgs = []) => {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api', file)], { cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
    procs.push(child);
    return child;
  };
  await new Promise((resolve, reject) => {
    const m = run('migrate.js');
    m.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))));
  });
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
  // Sift relies on autovacuum (docs/operations.md): every comment is updated once after it is inserted, and without
  // vacuuming the triage read slows from 1 to 90 ms within ten minutes at 100 comments/s. A Postgres with it off (as
  // the CI machine's) gets a stand-in when asked — VACUUM (ANALYZE) of this database every 30 s — and the bench
  // says so. (Short benches that only insert, or fill then read, do without.)
  let vacuumTimer = null;
  if (opts.vacuum && (await pool.query(`SELECT current_setting('autovacuum') AS on`)).rows[0].on !== 'on') {
    console.log('note: this Postgres has autovacuum off; the bench runs VACUUM (ANALYZE) on its own database every 30 s in its place');
    let running = false;
    vacuumTimer = setInterval(async () => {
      if (running) return;
      running = true;
      await pool.query('VACUUM (ANALYZE)').catch(() => undefined);
      running = false;
    }, 30_000);
  }
  return {
    env,
    pool,
    /** The pid of the API started last (for CPU accounting). */
    apiPid: null,
    /** `nodeArgs`: flags for node itself, e.g. ['--cpu-prof'] to profile the API. */
    async startApi(nodeArgs = []) {
      const port = await freePort();
      this.apiPid = run('main.js', { PORT: String(port) }, nodeArgs).pid;
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 200; i++) {
        if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return base;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('API did not start');
    },
    /** `nodeArgs`: flags for node itself, e.g. ['--cpu-prof'] to profile a worker. */
    startWorker(extra = {}, nodeArgs = []) {
      return run('worker.js', extra, nodeArgs);
    },
    async stop() {
      clearInterval(vacuumTimer);
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
      await pool.end();
      const admin = new pg.Client({ connectionString: PG_ADMIN });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await admin.end();
      const redis = new Redis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

export async function putArticle(base, id) {
  const res = await fetch(`${base}/api/articles/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-api-key': PUBLISHER_KEY },
    body: JSON.stringify({ title: 'Council passes budget', body: 'The council voted on the new budget for schools and roads.' }),
  });
  if (!res.ok) throw new Error(`article upsert: ${res.status}`);
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function machine() {
  const cpus = os.cpus();
  return `${process.platform} ${process.arch}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
