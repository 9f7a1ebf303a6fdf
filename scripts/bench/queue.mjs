#!/usr/bin/env node
// `npm run bench:queue`: the Flagged queue endpoint on a table of 1,000,000 comments.
// 1. creates a throwaway database and migrates it (the built migrate.js);
// 2. fills it in SQL (generate_series): 200 articles, 1,000,000 comments over 30 days from 50,000 authors
//    (85 % approved, 7 % hidden, 5 % flagged with a triage decision and an insult/links flag, 3 % pending);
// 3. starts the built API on it, signs in, and times GET /api/moderation/comments as the dashboard calls it
//    (Flagged queue, first page and page 20, and narrowed by reason), sequentially, after a warm-up;
// 4. prints p50/p95/p99 and the EXPLAIN ANALYZE of the list and count queries, then drops the database.
// Options: BENCH_COMMENTS (default 1000000), BENCH_REQUESTS (default 300), TEST_PG_ADMIN_URL, REDIS_URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ROOT } from '../lib.mjs';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PG_ADMIN = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `sift_bench_${Date.now().toString(36)}`;
const dbUrl = (() => {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const API = join(ROOT, 'dist/apps/api');
if (!existsSync(join(API, 'main.js'))) {
  console.error('build first: npx nx run api:build (npm run bench:queue does)');
  process.exit(1);
}

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
const run = (args, env) =>
  new Promise((res, rej) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${args.join(' ')} exited ${code}`))));
  });
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n) => `${n.toFixed(2)} ms`;

const admin = new pg.Client({ connectionString: PG_ADMIN });
await admin.connect();
await admin.query(`CREATE DATABASE "${DB}"`);
let apiProcess;
const password = `${randomBytes(12).toString('base64url')}-Aa1`;
const port = await freePort();
const env = {
  ...process.env,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: dbUrl,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  REDIS_PREFIX: `sift-bench-${DB}`,
  JWT_SECRET: randomBytes(32).toString('hex'),
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: password,
  LOG_LEVEL: 'warn',
};
try {
  console.log(`# bench:queue — ${COMMENTS.toLocaleString('en')} comments, ${REQUESTS} requests per case`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model?.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
  await run([join(API, 'migrate.js')], env);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const { rows: [{ server_version: pgVersion }] } = await db.query('SHOW server_version');
  console.log(`PostgreSQL ${pgVersion}`);

  let t = performance.now();
  await db.query(`INSERT INTO articles (external_id, title, body)
                  SELECT 'bench-' || g, 'Bench article ' || g, 'Body of bench article ' || g FROM generate_series(1, 200) g`);
  await db.query(`CREATE TEMP TABLE a AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM articles`);
  // Statuses by bucket: 0–84 approved, 85–91 hidden, 92–96 flagged, 97–99 pending.
  await db.query(
    `INSERT INTO comments (article_id, author_name, author_key, body, status, version, priority, received_at, decided_at)
     SELECT a.id, 'Reader ' || (g % 50000), 'id:bench-' || (g % 50000),
            'Comment ' || g || ' about the budget, the schools and the roads; ' || md5(g::text),
            s.status, CASE WHEN s.status = 'pending' THEN 1 ELSE 2 END,
            CASE WHEN s.status = 'flagged' THEN round((0.5 + random() * 8.5)::numeric, 2) ELSE 0 END,
            now() - (g::double precision / $1) * interval '30 days',
            CASE WHEN s.status = 'pending' THEN NULL ELSE now() - (g::double precision / $1) * interval '30 days' + interval '5 minutes' END
       FROM generate_series(1, $1) g
       JOIN a ON a.n = 1 + g % 200
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 85 THEN 'approved' WHEN g % 100 < 92 THEN 'hidden'
                                       WHEN g % 100 < 97 THEN 'flagged' ELSE 'pending' END AS status) s`,
    [COMMENTS],
  );
  const { rows: rules } = await db.query(`SELECT id, name, type, version, action FROM rules WHERE type IN ('insult', 'links') ORDER BY type`);
  await db.query(
    `INSERT INTO triage_decisions (comment_id, outcome_status, applied, rules_version, hit_count, error_count, duration_ms)
     SELECT id, status, true, 'bench', 1, 0, 1 FROM comments WHERE status IN ('flagged', 'hidden')`,
  );
  await db.query(
    `INSERT INTO triage_flags (decision_id, comment_id, rule_id, rule_name, rule_type, rule_version, action, mode, outcome, score, threshold, evidence)
     SELECT d.id, d.comment_id, r.id, r.name, r.type, r.version, r.action, 'live', 'hit', 0.9, 0.4,
            jsonb_build_object('summary', 'bench flag', 'spans', '[]'::jsonb)
       FROM triage_decisions d
       JOIN LATERAL (SELECT * FROM (VALUES ($1::uuid, $2, $3, $4::int, $5), ($6::uuid, $7, $8, $9::int, $10)) v(id, name, type, version, action)
                      OFFSET (hashtext(d.comment_id::text) & 1) LIMIT 1) r ON true`,
    [rules[0].id, rules[0].name, rules[0].type, rules[0].version, rules[0].action, rules[1].id, rules[1].name, rules[1].type, rules[1].version, rules[1].action],
  );
  const fillSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await db.query('VACUUM ANALYZE');
  const { rows: counts } = await db.query(`SELECT status, count(*)::int AS n FROM comments GROUP BY status ORDER BY status`);
  console.log(`filled in ${fillSeconds.toFixed(1)} s (+ VACUUM ANALYZE ${((performance.now() - t) / 1000).toFixed(1)} s): ${counts.map((c) => `${c.status} ${c.n.toLocaleString('en')}`).join(', ')}`);

  apiProcess = spawn(process.execPath, [join(API, 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 200) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  let token;
  for (let i = 0; !token; i++) {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password }) });
    if (res.ok) token = (await res.json()).accessToken;
    else if (i > 50) throw new Error(`login failed: ${res.status}`);
    else await new Promise((r) => setTimeout(r, 100));
  }
  const headers = { authorization: `Bearer ${token}` };
  const url = (filter, range) =>
    `${base}/api/moderation/comments?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent('["priority","DESC"]')}`;
  const cases = [
    ['Flagged, first page (25)', url({ status: ['flagged'] }, [0, 24])],
    ['Flagged, page 20', url({ status: ['flagged'] }, [475, 499])],
    ['Flagged, reason = insult', url({ status: ['flagged'], rule: ['insult'] }, [0, 24])],
    ['Counts (menu)', `${base}/api/moderation/comments/counts`],
  ];
  console.log('\n| case | p50 | p95 | p99 | max |\n|---|---|---|---|---|');
  for (const [name, u] of cases) {
    for (let i = 0; i < 20; i++) await (await fetch(u, { headers })).arrayBuffer(); // warm-up
    const times = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const res = await fetch(u, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    console.log(`| ${name} | ${ms(pct(times, 50))} | ${ms(pct(times, 95))} | ${ms(pct(times, 99))} | ${ms(times.at(-1))} |`);
  }

  // The SQL the list endpoint runs for the Flagged queue (moderation-query.service.ts).
  const explain = async (label, sql, params) => {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    console.log(`\n${label}\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``);
  };
  await explain(
    'EXPLAIN ANALYZE — Flagged page 1',
    `SELECT c.*, a.external_id AS article_external_id, a.title AS article_title
       FROM comments c JOIN articles a ON a.id = c.article_id
      WHERE c.status = $1 ORDER BY c.priority DESC, c.received_at DESC, c.id LIMIT 25 OFFSET 0`,
    ['flagged'],
  );
  await explain('EXPLAIN ANALYZE — Flagged count', `SELECT count(*)::int AS n FROM comments c WHERE c.status = $1`, ['flagged']);
  await db.end();
} finally {
  apiProcess?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.end();
}
