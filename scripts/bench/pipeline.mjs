#!/usr/bin/env node
// `npm run bench:pipeline`: comments arrive at a fixed rate (open loop: sent on schedule whatever the answers) for
// each rate and worker count; reports submit → decision latency (decided_at − received_at, both Postgres clocks)
// p50/p99, the largest backlog seen, and whether the queue drained within 10 s after the arrivals stopped.
//   --rates 100,200,500  --workers 1,2  --duration 60   (seconds per phase)
//   --warmup 5           seconds of arrivals at the phase's rate, to an article of their own, before each phase is
//                        measured (fresh workers: connections, JIT, caches); their slowest decision is reported apart
//   --soak 600           one phase at the first rate with the largest worker count, ending with a count reconciliation
//   --drain 20000        instead: for each worker count, queue that many comments with no worker running, then start
//                        the workers and time how fast they clear the backlog (decisions/s, CPU per decision)
//   --without campaign   rule types switched off (enabled = false) before the first phase, e.g. to measure what one
//                        type costs the pipeline (the seeded rule set otherwise, as migrated)
import { Queue } from 'bullmq';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStack, machine, percentile, putArticle } from './stack.mjs';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '100,200,500' },
    workers: { type: 'string', default: '1,2' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    soak: { type: 'string' },
    drain: { type: 'string' },
    without: { type: 'string', default: '' },
  },
});
const rates = values.rates.split(',').map(Number);
const workerCounts = values.workers.split(',').map(Number);
const soak = values.soak ? Number(values.soak) : null;
const duration = soak ?? Number(values.duration);
const warmup = Number(values.warmup);
// BENCH_TRIAGE_CONCURRENCY: jobs per worker (16); BENCH_WORKER_NODE_ARGS / BENCH_API_NODE_ARGS: node flags for the
// workers / the API (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them).
const CONCURRENCY = process.env.BENCH_TRIAGE_CONCURRENCY ?? '16';
const WORKER_NODE_ARGS = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const phases = soak ? [[rates[0], Math.max(...workerCounts)]] : workerCounts.flatMap((w) => rates.map((r) => [r, w]));

/** The i-th comment of phase n: one author in 997, a body on the article's topic. */
const commentBody = (n, i) => JSON.stringify({ authorName: `Reader ${i % 997}`, body: `The council budget for schools and roads, comment ${n}-${i}.` });

/** Open-loop arrivals: `rate` comments a second for `seconds` to `url`, sent on schedule whatever the answers. */
async function arrive(url, rate, seconds, n) {
  let sent = 0;
  let accepted = 0;
  let failed = 0;
  const refused = new Map(); // status code or error → count, for requests not answered 202
  const inflight = new Set();
  const started = Date.now();
  const tickMs = 20;
  const total = rate * seconds;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
      while (sent < due) {
        const i = sent++;
        const p = fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: commentBody(n, i),
        })
          .then(
            async (r) => {
              if (r.status === 202) return accepted++;
              failed++;
              // Why, as the API said it: status and message.
              const why = `${r.status} "${await r.json().then((b) => b.message, () => '')}"`;
              refused.set(why, (refused.get(why) ?? 0) + 1);
            },
            (err) => (failed++, refused.set(err.cause?.code ?? 'error', (refused.get(err.cause?.code ?? 'error') ?? 0) + 1)),
          )
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  await Promise.all(inflight);
  return { sent, accepted, failed, refused, seconds: (Date.now() - started) / 1000 };
}

/** Jobs waiting or running. */
async function backlog(queue) {
  const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
  return c.waiting + c.active + (c.prioritized ?? 0);
}

const queueEmpty = async (queue) => (await backlog(queue)) === 0;

/** Submit → decision latencies (ms, sorted) of one article's comments, and the slowest per 10 s of arrivals. */
async function latencies(stack, article) {
  const { rows } = await stack.pool.query(
    `SELECT floor(extract(epoch FROM c.received_at - min(c.received_at) OVER ()) / 10) AS w,
            extract(epoch FROM (d.created_at - c.received_at)) * 1000 AS ms
       FROM comments c JOIN triage_decisions d ON d.comment_id = c.id
       JOIN articles a ON a.id = c.article_id WHERE a.external_id = $1`,
    [article],
  );
  const worst = new Map();
  for (const r of rows) worst.set(Number(r.w), Math.max(worst.get(Number(r.w)) ?? 0, Number(r.ms)));
  return {
    sorted: rows.map((r) => Number(r.ms)).sort((a, b) => a - b),
    timeline: [...worst.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => Math.round(ms)).join(' '),
  };
}

async function phase(stack, base, queue, rate, workers, n) {
  const procs = Array.from({ length: workers }, () => stack.startWorker({ TRIAGE_CONCURRENCY: CONCURRENCY }, WORKER_NODE_ARGS));
  await new Promise((r) => setTimeout(r, 2500)); // workers connect
  let coldWorst = null;
  if (warmup > 0) {
    // Fresh workers warm up on an article of their own; the measured arrivals start once that backlog is gone.
    const warm = `bench-${n}-warm-up`;
    await putArticle(base, warm);
    await arrive(`${base}/api/articles/${warm}/comments`, rate, warmup, `${n}w`); // other texts: no repeats later
    for (let t = Date.now(); !(await queueEmpty(queue)) && Date.now() - t < 60_000; ) await new Promise((r) => setTimeout(r, 200));
    coldWorst = (await latencies(stack, warm)).sorted.at(-1) ?? null;
  }
  const article = `bench-${n}`;
  await putArticle(base, article);
  let maxBacklog = 0;
  const sampler = setInterval(async () => {
    maxBacklog = Math.max(maxBacklog, await backlog(queue).catch(() => 0));
  }, 500);
  const cpu0 = machineBusyMs();
  const table0 = processTable();
  const { sent, accepted, failed, refused, seconds } = await arrive(`${base}/api/articles/${article}/comments`, rate, duration, n);
  const cpu = cpuPerComment(table0, cpu0, accepted, procs, stack.apiPid);
  const arrivalsDone = Date.now();
  let drained = false;
  while (Date.now() - arrivalsDone < 10_000) {
    if (await queueEmpty(queue)) {
      drained = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  clearInterval(sampler);
  // Let a backlog finish before the next phase (so it cannot bleed into it), and say how long that took.
  let drainedAfter = drained ? (Date.now() - arrivalsDone) / 1000 : null;
  while (drainedAfter === null && Date.now() - arrivalsDone < 180_000) {
    if (await queueEmpty(queue)) drainedAfter = (Date.now() - arrivalsDone) / 1000;
    else await new Promise((r) => setTimeout(r, 500));
  }
  const { sorted: lat, timeline } = await latencies(stack, article);
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  return { timeline, coldWorst, cpu, refused: [...refused].map(([k, v]) => `${k}×${v}`).join(', '), rate, workers, sent, accepted, failed, decided: lat.length, p50: percentile(lat, 50), p99: percentile(lat, 99), maxBacklog, drained, drainedAfter, seconds };
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 10 ms). */
function processCpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Busy CPU time of the whole machine (all cores, everything but idle and iowait), in ms. */
function machineBusyMs() {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (t.reduce((a, b) => a + b, 0) - t[3] - t[4]) * 10;
}

/** CPU ms so far of every live process, by pid, with its command name (postgres backends, redis-server, node). */
function processTable() {
  const table = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = f.slice(f.indexOf('(') + 1, f.lastIndexOf(')'));
      table.set(pid, { comm, ms: processCpuMs(pid) });
    } catch {
      // exited meanwhile
    }
  }
  return table;
}

/** CPU ms spent between two process tables, by command name (a process that exited meanwhile is not counted). */
function cpuByCommand(before, after) {
  const by = new Map();
  for (const [pid, { comm, ms }] of after) by.set(comm, (by.get(comm) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  return by;
}

/** CPU ms per comment since (`table0`, `cpu0`), by role: the machine, the API, the workers, Postgres, Redis, this bench. */
function cpuPerComment(table0, cpu0, comments, workerProcs, apiPid) {
  const table = processTable();
  const since = (pid) => (table.get(String(pid))?.ms ?? 0) - (table0.get(String(pid))?.ms ?? 0);
  const byCommand = cpuByCommand(table0, table);
  const workers = workerProcs.reduce((sum, p) => sum + since(p.pid), 0);
  const per = (ms) => ms / Math.max(1, comments);
  return {
    machine: per(machineBusyMs() - cpu0),
    api: per(since(apiPid)),
    workers: per(workers),
    postgres: per(byCommand.get('postgres') ?? 0),
    redis: per(byCommand.get('redis-server') ?? 0),
    bench: per(since(process.pid)),
  };
}

/**
 * Queue `count` comments with no worker running, then start `workers` workers and time how fast they clear the
 * backlog: the worker's own throughput with nothing arriving, and what one decision costs in CPU (the workers' own,
 * and the whole machine's: workers + Postgres + Redis).
 */
async function drainPhase(stack, base, queue, count, workers, n) {
  const article = `drain-${n}`;
  await putArticle(base, article);
  const url = `${base}/api/articles/${article}/comments`;
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const i = next++;
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: commentBody(n, i),
        });
        if (r.status !== 202) throw new Error(`intake answered ${r.status}`);
      }
    }),
  );
  const procs = Array.from({ length: workers }, () => stack.startWorker({ TRIAGE_CONCURRENCY: CONCURRENCY }, WORKER_NODE_ARGS));
  const cpu0 = machineBusyMs();
  const table0 = processTable();
  const worker0 = procs.map((p) => processCpuMs(p.pid));
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if (c.waiting + c.active + (c.prioritized ?? 0) === 0) break;
    if (procs.every((p) => p.exitCode !== null || p.signalCode !== null)) throw new Error('every worker exited before the queue drained');
    await new Promise((r) => setTimeout(r, 100));
  }
  const workerMs = procs.reduce((sum, p, i) => sum + processCpuMs(p.pid) - worker0[i], 0);
  const machineMs = machineBusyMs() - cpu0;
  const byCommand = cpuByCommand(table0, processTable());
  const [{ decided, seconds }] = (
    await stack.pool.query(
      `SELECT count(*)::int AS decided, extract(epoch FROM max(d.created_at) - min(d.created_at))::float8 AS seconds
         FROM triage_decisions d JOIN comments c ON c.id = d.comment_id JOIN articles a ON a.id = c.article_id
        WHERE a.external_id = $1`,
      [article],
    )
  ).rows;
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  // CPU figures include the workers' start-up and warm-up (≈ 1 s of one core), spread over the whole backlog.
  const per = (comm) => (byCommand.get(comm) ?? 0) / decided;
  return {
    workers,
    count,
    decided,
    seconds,
    rate: decided / seconds,
    workerMs: workerMs / decided,
    machineMs: machineMs / decided,
    postgresMs: per('postgres'),
    redisMs: per('redis-server'),
    otherMs: machineMs / decided - workerMs / decided - per('postgres') - per('redis-server'),
  };
}

/** `--drain`: for each worker count, a backlog cleared by that many workers. */
async function runDrain(stack, base, queue) {
  const count = Number(values.drain);
  console.log(`bench:pipeline --drain — ${new Date().toISOString()} — ${machine()} — ${count} comments queued, then the workers start`);
  console.log('| workers | queued | decided | seconds (first → last decision) | decisions/s | CPU ms / decision: machine | workers | postgres | redis | rest |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let n = 0;
  for (const workers of workerCounts) {
    const r = await drainPhase(stack, base, queue, count, workers, n++);
    console.log(`| ${r.workers} | ${r.count} | ${r.decided} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate)} | ${r.machineMs.toFixed(2)} | ${r.workerMs.toFixed(2)} | ${r.postgresMs.toFixed(2)} | ${r.redisMs.toFixed(2)} | ${r.otherMs.toFixed(2)} |`);
  }
}

/** The fixed-rate phases (and the soak's reconciliation). */
async function runPhases(stack, base, queue) {
  console.log(`bench:pipeline — ${new Date().toISOString()} — ${machine()} — ${duration} s per phase after ${warmup} s of warm-up; API, workers, Postgres, Redis and the load generator share this machine`);
  console.log('| rate /s | workers | sent | accepted | decided | decision p50 ms | p99 ms | max backlog | drained ≤10 s after (s) | warm-up: slowest ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let n = 0;
  const timelines = [];
  const cpuRows = [];
  for (const [rate, workers] of phases) {
    const r = await phase(stack, base, queue, rate, workers, n++);
    cpuRows.push(`| ${r.rate} | ${r.workers} | ${['machine', 'api', 'workers', 'postgres', 'redis', 'bench'].map((k) => r.cpu[k].toFixed(2)).join(' | ')} |`);
    timelines.push(`${r.rate}/s, ${r.workers} worker${r.workers > 1 ? 's' : ''}: ${r.timeline}${r.refused ? ` (not accepted: ${r.refused})` : ''}`);
    console.log(`| ${r.rate} | ${r.workers} | ${r.sent} | ${r.accepted} | ${r.decided} | ${r.p50?.toFixed(1)} | ${r.p99?.toFixed(1)} | ${r.maxBacklog} | ${r.drained ? 'yes' : 'no'} (${r.drainedAfter === null ? '>180' : r.drainedAfter.toFixed(1)}) | ${r.coldWorst === null ? '–' : Math.round(r.coldWorst)} |`);
  }
  console.log(`\nslowest decision (ms) per 10 s of arrivals:\n${timelines.join('\n')}`);
  console.log('\nCPU ms per accepted comment while comments arrived (/proc; "bench" is this load generator):');
  console.log('| rate /s | workers | machine | API | workers | Postgres | Redis | bench |\n|---|---|---|---|---|---|---|---|');
  console.log(cpuRows.join('\n'));
  if (soak) {
    const [{ stored, decided, pending_undecided }] = (
      await stack.pool.query(`SELECT count(*)::int AS stored,
        (SELECT count(*)::int FROM triage_decisions) AS decided,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = comments.id))::int AS pending_undecided
        FROM comments`)
    ).rows;
    console.log(`\nsoak reconciliation: stored ${stored}, decided ${decided}, undecided ${pending_undecided} → ${stored === decided ? 'accepted == stored == decided' : 'MISMATCH'}`);
  }
}

const stack = await createStack('pipeline', { vacuum: true });
try {
  const base = await stack.startApi(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
  const without = values.without.split(',').filter(Boolean);
  if (without.length) await stack.pool.query(`UPDATE rules SET enabled = false, updated_at = now() WHERE type = ANY($1)`, [without]);
  const { rows: active } = await stack.pool.query(`SELECT type, mode FROM rules WHERE enabled ORDER BY type`);
  console.log(`rules enabled: ${active.map((r) => `${r.type}${r.mode === 'live' ? '' : ` (${r.mode})`}`).join(', ')}`);
  const u = new URL(stack.env.REDIS_URL);
  const queue = new Queue('triage', { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix: stack.env.REDIS_PREFIX });
  await (values.drain ? runDrain : runPhases)(stack, base, queue);
  await queue.close();
} finally {
  await stack.stop();
}
