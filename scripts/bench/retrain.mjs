#!/usr/bin/env node
// `npm run bench:retrain` (issue 15, item 10): the real retrain job on N decisions, the model's size, and how soon a
// worker scores with a version after it is promoted. A throwaway stack (scripts/bench/stack.mjs: its own database
// and Redis prefix, the built API and one worker as processes). The decisions are written straight into the tables
// (comments + a moderator's audit event each, as the moderation API leaves them), texts and labels from
// ../shared/data/kaggle_insults/train.jsonl read at run time (cycled, each copy numbered, to reach N; a synthetic
// set when the file is absent). Then: POST /api/learned-models/retrain as an admin, the job's time from the row
// (created → finished) and the client's; the artifact's size; promote, post a comment the model flags and the lexicon
// does not, and the time until the worker's decision carries the site model's flag (run 5 times: roll back, promote).
//   --decisions N (default 10000)
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../lib.mjs';
import { createStack, machine, putArticle } from './stack.mjs';

const { values } = parseArgs({ options: { decisions: { type: 'string', default: '10000' } } });
const N = Number(values.decisions);
const file = join(ROOT, '..', 'shared/data/kaggle_insults/train.jsonl');
let source;
let rows;
if (existsSync(file)) {
  source = file;
  rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((r) => ({ text: r.text, label: r.label === 1 }));
} else {
  source = 'synthetic (no ../shared/data)';
  rows = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? { text: `you absolute glorbnik number ${i}`, label: true } : { text: `the council budget item ${i} looks fine`, label: false }));
}
const decisions = Array.from({ length: N }, (_, i) => {
  const r = rows[i % rows.length];
  const copy = Math.floor(i / rows.length);
  return { text: copy ? `${r.text} (${copy})` : r.text, label: r.label };
});

const ADMIN = { email: 'bench-admin@sift.local', password: 'bench-retrain-admin-password' };
async function call(base, path, method = 'GET', body, headers = {}) {
  const res = await fetch(`${base}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stack = await createStack('retrain');
try {
  Object.assign(stack.env, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LEARNED_RETRAIN_EVERY_HOURS: '0' });
  const base = await stack.startApi();
  stack.startWorker();
  const login = await call(base, '/api/auth/login', 'POST', ADMIN);
  const admin = { authorization: `Bearer ${login.body.accessToken}` };
  await putArticle(base, 'bench-retrain');
  const { rows: [{ id: articleId }] } = await stack.pool.query(`SELECT id FROM articles WHERE external_id = 'bench-retrain'`);
  console.log(`bench:retrain — ${new Date().toISOString()} — ${machine()}`);
  console.log(`${N} decisions from ${source} (${decisions.filter((d) => d.label).length} insults), written straight into the tables`);
  for (let i = 0; i < N; i += 1000) {
    const chunk = decisions.slice(i, i + 1000);
    await stack.pool.query(
      `WITH c AS (INSERT INTO comments (article_id, author_name, author_key, body, status, version, decided_at, received_at)
                  SELECT $1, 'R', 'name:r', b, CASE WHEN l THEN 'hidden' ELSE 'approved' END, 2, now(), now() - make_interval(secs => $4 - o)
                    FROM unnest($2::text[], $3::boolean[]) WITH ORDINALITY AS t(b, l, o) RETURNING id, status)
       INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, reason)
       SELECT id, 'flagged', status, 'user', CASE WHEN status = 'hidden' THEN 'Personal attack' END FROM c`,
      [articleId, chunk.map((d) => d.text), chunk.map((d) => d.label), N - i],
    );
  }

  const t0 = Date.now();
  const job = await call(base, '/api/learned-models/retrain', 'POST', {}, admin);
  let m = job.body;
  while (m.status === 'training') {
    await sleep(100);
    m = (await call(base, `/api/learned-models/${job.body.id}`, 'GET', undefined, admin)).body;
  }
  const clientMs = Date.now() - t0;
  if (m.status !== 'shadow') throw new Error(`retrain ended ${m.status}: ${m.error}`);
  const { rows: [row] } = await stack.pool.query(
    `SELECT extract(epoch FROM finished_at - created_at) * 1000 AS ms, octet_length(artifact::text) AS bytes, pg_column_size(artifact) AS stored FROM learned_models WHERE id = $1`,
    [m.id],
  );
  console.log(`retrain job: ${m.labels} labels, ${(row.ms / 1000).toFixed(1)} s from the row's creation to its end (${(clientMs / 1000).toFixed(1)} s seen by the client, polling every 100 ms)`);
  console.log(`  CV AUC ${m.metrics.auc.toFixed(3)} F1 ${m.metrics.f1.toFixed(3)}; learning curve at ${m.curve.map((c) => c.size).join(', ')}`);
  console.log(`artifact: ${(row.bytes / 2 ** 20).toFixed(2)} MiB as JSON text, ${(row.stored / 2 ** 20).toFixed(2)} MiB stored (jsonb, TOAST-compressed)`);

  // Promotion → the first comment the worker scores with it. The probe text is one the model flags and the lexicon
  // does not (found by posting candidates once the model is promoted), so its flag names the version.
  const pickups = [];
  let promoted = await call(base, `/api/learned-models/${m.id}/promote`, 'POST', {}, admin);
  const flagOf = async (id) => {
    for (;;) {
      const { rows: d } = await stack.pool.query(
        `SELECT (SELECT evidence->>'summary' FROM triage_flags f WHERE f.comment_id = $1 AND f.rule_type = 'insult') AS summary, count(*)::int AS n FROM triage_decisions WHERE comment_id = $1`,
        [id],
      );
      if (d[0].n) return d[0].summary ?? '';
      await sleep(20);
    }
  };
  const post = async (body) => (await call(base, '/api/articles/bench-retrain/comments', 'POST', { authorName: `Probe ${randomUUID().slice(0, 8)}`, body }, { 'idempotency-key': randomUUID() })).body.id;
  const candidates = decisions.filter((d) => d.label).slice(0, 200).map((d) => d.text);
  let probe = null;
  for (const c of candidates) {
    if ((await flagOf(await post(c))).includes('site model')) {
      await call(base, '/api/learned-models/rollback', 'POST', {}, admin);
      if (!(await flagOf(await post(c))).includes('site model')) {
        probe = c;
        break;
      }
      promoted = await call(base, `/api/learned-models/${m.id}/promote`, 'POST', {}, admin);
    }
  }
  if (!probe) throw new Error('no probe text found');
  for (let i = 0; i < 5; i++) {
    await call(base, '/api/learned-models/rollback', 'POST', {}, admin).catch(() => undefined);
    await sleep(200);
    const t = Date.now();
    promoted = await call(base, `/api/learned-models/${m.id}/promote`, 'POST', {}, admin);
    if (promoted.status !== 200) throw new Error(`promote: ${promoted.status}`);
    // Post the probe until one is scored with the model: the time from the promote's answer to that decision.
    for (;;) {
      if ((await flagOf(await post(probe))).includes('site model')) break;
    }
    pickups.push(Date.now() - t);
  }
  console.log(`promotion → the first comment the worker scores with it: ${pickups.map((x) => `${x} ms`).join(', ')} (each includes intake and triage of that comment)`);
} finally {
  await stack.stop();
}
