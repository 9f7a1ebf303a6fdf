#!/usr/bin/env node
// `npm run demo:learn` (issue 15, item 8): a site learning from its moderators, replayed through the real product.
//
// On a throwaway stack of its own (a fresh database and Redis prefix, the built API and worker as processes, as the
// benchmarks start them: scripts/bench/stack.mjs; nothing of an `npm start` instance is touched):
//   1. the labelled rows of ../shared/data/kaggle_insults/train.jsonl (read at run time; skipped when absent) are
//      split: rows at even positions are the site's decisions, rows at odd positions are held out;
//   2. the held-out rows are posted through intake and triaged by the worker at day 0 (the lexicon);
//   3. the decision rows are posted through intake, and a demo moderator records each label through the moderation
//      API (hide as "Personal attack" / approve; auto-approve is off, so every comment waits for them);
//   4. an admin runs the retrain (POST /api/learned-models/retrain: the real job on the rule-jobs queue) and
//      promotes the version it made;
//   5. the held-out rows are posted again and triaged with the learned model in use;
// and it prints day 0 vs learned on the held-out part: F1 of the worker's insult flags, and AUC/F1 of the same
// scores from the eval command (`npm run -s eval -- --model`: the stored artifact, the engine the worker runs).
//
//   --data FILE   another labelled JSONL file ({"text", "label"} rows)   --limit N   only the first N rows
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStack, machine, putArticle } from '../bench/stack.mjs';
import { ROOT } from '../lib.mjs';

const { values } = parseArgs({ options: { data: { type: 'string' }, limit: { type: 'string' } } });
const file = values.data ? resolve(values.data) : join(ROOT, '..', 'shared/data/kaggle_insults/train.jsonl');
if (!existsSync(file)) {
  console.log(`demo:learn skipped: ${file} is not here (the shared Kaggle insults set sits beside the repository as ../shared/data; or pass --data FILE.jsonl)`);
  process.exit(0);
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((r) => typeof r.text === 'string' && (r.label === 0 || r.label === 1))
  .slice(0, values.limit ? Number(values.limit) : undefined);
const decisionRows = rows.filter((_, i) => i % 2 === 0);
const heldOut = rows.filter((_, i) => i % 2 === 1);

const ADMIN = { email: 'demo-admin@sift.local', password: 'demo-learn-admin-password' };
const MODERATOR = { email: 'demo-moderator@sift.local', password: 'demo-learn-moderator-password', name: 'Demo Moderator', role: 'moderator' };
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const fmt = (x) => (x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(3));

async function call(base, path, method = 'GET', body, headers = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(base, who) {
  const res = await call(base, '/api/auth/login', 'POST', { email: who.email, password: who.password });
  if (res.status !== 200) throw new Error(`login ${who.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { authorization: `Bearer ${res.body.accessToken}` };
}

/** Run `fn` over `items`, `n` at a time. */
async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Post rows through intake (one reader name each); answers the comment ids (null: refused, with the count said). */
async function post(base, article, list) {
  const ids = await pool(list, 8, async (r, i) => {
    const res = await call(base, `/api/articles/${article}/comments`, 'POST', { authorName: `Reader ${article} ${i}`, body: r.text }, { 'idempotency-key': randomUUID() });
    return res.status === 202 ? res.body.id : null;
  });
  const refused = ids.filter((id) => id === null).length;
  if (refused) console.log(`  intake refused ${refused} of ${list.length} rows (4xx: e.g. empty or over 10,000 characters); they are left out`);
  return ids;
}

/** Wait until the worker has triaged every posted comment. */
async function triaged(stack, ids) {
  const want = ids.filter(Boolean);
  for (;;) {
    const [{ n }] = (await stack.pool.query(`SELECT count(*)::int AS n FROM triage_decisions WHERE comment_id = ANY($1::uuid[])`, [want])).rows;
    if (n === want.length) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** F1 (and P, R) of the worker's insult flags on the held-out comments. */
async function flagMetrics(stack, ids, list) {
  const { rows: hits } = await stack.pool.query(`SELECT DISTINCT comment_id FROM triage_flags WHERE rule_type = 'insult' AND outcome = 'hit' AND comment_id = ANY($1::uuid[])`, [ids.filter(Boolean)]);
  const flagged = new Set(hits.map((h) => h.comment_id));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  ids.forEach((id, i) => {
    if (!id) return;
    const f = flagged.has(id);
    const y = list[i].label === 1;
    if (f && y) tp++;
    else if (f) fp++;
    else if (y) fn++;
  });
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { flagged: tp + fp, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The eval command over the held-out rows (day 0, or with a stored model): its precision, recall, F1 and AUC. */
function evalRun(input, model) {
  const args = ['-r', '@swc-node/register', '-r', './scripts/resolve-ts.cjs', 'libs/triage-engine/src/eval/eval.ts', '--task', 'insult', '--input', input, ...(model ? ['--model', model] : [])];
  const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`eval failed: ${res.stderr}`);
  const m = /precision (\S+)\s+recall (\S+)\s+F1 (\S+)\s+ROC AUC (\S+)/.exec(res.stdout);
  return { p: Number(m[1]), r: Number(m[2]), f1: Number(m[3]), auc: Number(m[4]) };
}

console.log(`demo:learn — ${new Date().toISOString()} — ${machine()}`);
console.log(`${file}: ${rows.length} labelled rows → ${decisionRows.length} decisions (even positions), ${heldOut.length} held out (odd positions)`);
const stack = await createStack('learn');
const tmp = mkdtempSync(join(tmpdir(), 'sift-demo-learn-'));
try {
  // This stack's first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD (as in production); it creates the moderator.
  Object.assign(stack.env, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const base = await stack.startApi();
  stack.startWorker();
  const admin = await login(base, ADMIN);
  const made = await call(base, '/api/users', 'POST', MODERATOR, admin);
  if (made.status !== 201) throw new Error(`creating the demo moderator: ${made.status} ${JSON.stringify(made.body)}`);
  const moderator = await login(base, MODERATOR);
  // Every comment waits for a moderator (otherwise a comment no rule flags is approved by the worker, and the
  // moderator's "approve" would change nothing and record no decision).
  const settings = await call(base, '/api/settings', 'PUT', { autoApprove: false }, admin);
  if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${JSON.stringify(settings.body)}`);
  for (const a of ['learn-held-out-day0', 'learn-decisions', 'learn-held-out-learned']) await putArticle(base, a);

  console.log(`\n1. ${heldOut.length} held-out rows through intake, triaged at day 0 (the lexicon)… (${elapsed()})`);
  const day0Ids = await post(base, 'learn-held-out-day0', heldOut);
  await triaged(stack, day0Ids);
  const day0 = await flagMetrics(stack, day0Ids, heldOut);

  console.log(`2. ${decisionRows.length} rows through intake; the demo moderator decides each (hide "Personal attack" / approve)… (${elapsed()})`);
  const ids = await post(base, 'learn-decisions', decisionRows);
  await triaged(stack, ids);
  const outcome = { decided: 0, hid: 0, approved: 0, unchanged: 0 };
  await pool(ids, 8, async (id, i) => {
    if (!id) return;
    const cur = await call(base, `/api/moderation/comments/${id}`, 'GET', undefined, moderator);
    const insult = decisionRows[i].label === 1;
    const res = await call(base, `/api/moderation/comments/${id}/decision`, 'POST', insult ? { action: 'hide', version: cur.body.version, reason: 'Personal attack' } : { action: 'approve', version: cur.body.version }, moderator);
    if (res.status !== 200 && res.status !== 201) throw new Error(`decision on ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    outcome.decided++;
    if (cur.body.status === (insult ? 'hidden' : 'approved')) outcome.unchanged++;
    else outcome[insult ? 'hid' : 'approved']++;
  });
  console.log(`  ${outcome.hid} hidden as a personal attack, ${outcome.approved} approved` + (outcome.unchanged ? `; ${outcome.unchanged} already so (a rule had hidden them): no decision recorded` : ''));

  console.log(`3. the admin retrains (the rule-jobs queue) and promotes the version… (${elapsed()})`);
  const job = await call(base, '/api/learned-models/retrain', 'POST', {}, admin);
  if (job.status !== 202) throw new Error(`retrain: ${job.status} ${JSON.stringify(job.body)}`);
  const t0 = Date.now();
  let model = job.body;
  while (model.status === 'training') {
    await new Promise((r) => setTimeout(r, 500));
    model = (await call(base, `/api/learned-models/${job.body.id}`, 'GET', undefined, admin)).body;
  }
  if (model.status !== 'shadow') throw new Error(`the retrain ended ${model.status}: ${model.error}`);
  const m = model.metrics;
  console.log(`  v${model.version}: ${model.labels} labels (${model.positives} insults), job done in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${m.folds}-fold CV AUC ${fmt(m.auc)} F1 ${fmt(m.f1)} (lexicon alone AUC ${fmt(m.lexiconAuc)} F1 ${fmt(m.lexiconF1)}), threshold ${fmt(model.threshold)}`);
  const promoted = await call(base, `/api/learned-models/${model.id}/promote`, 'POST', {}, admin);
  if (promoted.status !== 200) throw new Error(`promote: ${promoted.status} ${JSON.stringify(promoted.body)}`);

  console.log(`4. the held-out rows through intake again, triaged with v${model.version} in use… (${elapsed()})`);
  const learnedIds = await post(base, 'learn-held-out-learned', heldOut);
  await triaged(stack, learnedIds);
  const learned = await flagMetrics(stack, learnedIds, heldOut);

  // The same held-out rows through the eval command: day 0, and with the artifact the retrain stored.
  const heldFile = join(tmp, 'held-out.jsonl');
  writeFileSync(heldFile, heldOut.map((r, i) => JSON.stringify({ id: i, text: r.text, label: r.label })).join('\n') + '\n');
  const modelFile = join(tmp, 'model.json');
  const { rows: art } = await stack.pool.query(`SELECT artifact FROM learned_models WHERE id = $1`, [model.id]);
  writeFileSync(modelFile, JSON.stringify(art[0].artifact));
  const e0 = evalRun(heldFile, null);
  const e1 = evalRun(heldFile, modelFile);

  const n = heldOut.length;
  const pos = heldOut.filter((r) => r.label === 1).length;
  console.log(`\nheld out: ${n} rows (${pos} insults), never decided; ${decisionRows.length} decisions; total ${elapsed()}`);
  console.log('| held out | worker flags: flagged / P / R / F1 | eval over the same rows: F1 / AUC |');
  console.log('|---|---|---|');
  console.log(`| day 0 (lexicon) | ${day0.flagged} / ${fmt(day0.p)} / ${fmt(day0.r)} / ${fmt(day0.f1)} | ${fmt(e0.f1)} / ${fmt(e0.auc)} |`);
  console.log(`| learned v${model.version} (promoted) | ${learned.flagged} / ${fmt(learned.p)} / ${fmt(learned.r)} / **${fmt(learned.f1)}** | ${fmt(e1.f1)} / **${fmt(e1.auc)}** |`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  await stack.stop();
}
