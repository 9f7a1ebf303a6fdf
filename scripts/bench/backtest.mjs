#!/usr/bin/env node
// `npm run bench:backtest`: seconds to backtest one rule over 100,000 decided comments.
// 1. a throwaway stack (scripts/bench/stack.mjs): its own database, migrated, and Redis prefix; the built API and
//    one worker as processes;
// 2. fills it in SQL: 50 articles, BENCH_COMMENTS (default 100,000) reader comments of 8–40 words drawn from a
//    mix of plain, mildly rude and insulting sentences, each approved or hidden by a moderator (an audit event by a user);
// 3. signs in as admin and backtests the insult rule with a lowered threshold (draft vs the saved version) through
//    the API: POST /api/rules/:id/backtests {limit}, polling GET …/backtests/:runId until done;
// 4. prints the wall time (request to result), the worker's own measured time, and the matrix; BENCH_RUNS runs.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createStack, machine } from './stack.mjs';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const password = `${randomBytes(12).toString('base64url')}-Aa1`;

const stack = await createStack('backtest');
try {
  console.log(`# bench:backtest — ${COMMENTS.toLocaleString('en')} decided comments, ${RUNS} runs`);
  console.log(`machine: ${machine()}`);
  const db = stack.pool;
  let t = performance.now();
  await db.query(`INSERT INTO articles (external_id, title, body)
    SELECT 'a' || g, 'Council budget ' || g, 'The council voted on the budget for schools, roads, the library and the new bus lanes. ' || repeat('Residents spoke for and against the plan. ', 5)
      FROM generate_series(1, 50) g`);
  await db.query(
    `WITH s(i, body) AS (VALUES
       (0, 'The council budget for schools and roads looks fair to me, although the bus lanes could wait a year'),
       (1, 'I think the library hours should stay as they are, families use it on Sundays'),
       (2, 'The mayor is clueless about roads and everyone on my street knows it'),
       (3, 'You are an idiot if you think cutting the library saves money'),
       (4, 'Only a fool would vote for this budget without reading it first'),
       (5, 'What a sensible plan, finally someone fixed the potholes on Elm Street'),
       (6, 'The council are a bunch of muppets, again'),
       (7, 'Anyone defending these cuts is a pathetic moron'),
       (8, 'My kids walk to school along that road and the crossing is dangerous'),
       (9, 'Taxes stay flat and the roads get fixed, what is not to like'))
     INSERT INTO comments (article_id, author_name, author_key, body, status, version, received_at, decided_at)
     SELECT a.id, 'Reader ' || (g % 5000), 'name:r' || (g % 5000),
            s.body || ' (' || g || ')',
            CASE WHEN s.i IN (3, 7) THEN CASE WHEN (g / 10) % 10 = 0 THEN 'approved' ELSE 'hidden' END
                 WHEN s.i IN (2, 4, 6) THEN CASE WHEN (g / 10) % 2 = 0 THEN 'hidden' ELSE 'approved' END
                 ELSE CASE WHEN (g / 10) % 25 = 0 THEN 'hidden' ELSE 'approved' END END,
            2, now() - make_interval(secs => g), now() - make_interval(secs => g) + interval '5 minutes'
       FROM generate_series(1, $1) g
       JOIN s ON s.i = g % 10
       JOIN LATERAL (SELECT id FROM articles ORDER BY id OFFSET (g % 50) LIMIT 1) a ON true`,
    [COMMENTS],
  );
  // Hidden as a personal attack: the reason that confirms the insult rule (HIDE_REASON_RULE_TYPES).
  await db.query(`INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, created_at, reason)
    SELECT id, 'pending', status, 'user', decided_at, CASE WHEN status = 'hidden' THEN 'Personal attack' END FROM comments`);
  await db.query('ANALYZE');
  console.log(`fill: ${((performance.now() - t) / 1000).toFixed(1)} s`);

  stack.env.ADMIN_EMAIL = 'bench-admin@example.com';
  stack.env.ADMIN_PASSWORD = password;
  // The first admin comes from env when the API starts.
  const base = await stack.startApi();
  stack.startWorker();
  const call = async (path, method = 'GET', body, token) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const { accessToken } = await call('/api/auth/login', 'POST', { email: stack.env.ADMIN_EMAIL, password });
  const rules = await call('/api/rules', 'GET', undefined, accessToken);
  const insult = rules.find((r) => r.type === 'insult');
  const walls = [];
  for (let run = 1; run <= RUNS; run++) {
    t = performance.now();
    const started = await call(`/api/rules/${insult.id}/backtests`, 'POST', { config: { ...insult.config, threshold: 0.15 }, limit: COMMENTS }, accessToken);
    let b = started;
    while (b.status === 'queued' || b.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      b = await call(`/api/rules/backtests/${started.id}`, 'GET', undefined, accessToken);
    }
    const wall = (performance.now() - t) / 1000;
    if (b.status !== 'done') throw new Error(`backtest ${b.status}: ${b.error}`);
    walls.push(wall);
    const r = b.result;
    console.log(
      `run ${run}: ${wall.toFixed(2)} s wall (worker ${(r.durationMs / 1000).toFixed(2)} s) over ${r.comments.toLocaleString('en')} comments; ` +
        `draft P ${r.draft.precision} R ${r.draft.recall} F1 ${r.draft.f1} | saved P ${r.current.precision} R ${r.current.recall} F1 ${r.current.f1}; ` +
        `newly flagged ${r.newlyFlagged.count}, no longer ${r.noLongerFlagged.count}`,
    );
    if (run === 1) console.log(`matrix (draft): ${JSON.stringify(r.draft.matrix)}; (saved): ${JSON.stringify(r.current.matrix)}`);
  }
  walls.sort((a, b) => a - b);
  console.log(`median ${walls[Math.floor(walls.length / 2)].toFixed(2)} s (target < 10 s)`);
} finally {
  await stack.stop();
}
