#!/usr/bin/env node
// `npm run bench:intake`: intake throughput and latency (autocannon, loopback, bounded in time) at 10 and 50
// connections, next to the raw floor — a bare Node HTTP server doing the same Postgres work (article lookup,
// comment + audit row in one transaction) and the same BullMQ add, with no framework. Prints Sift ÷ floor.
//   --duration S   seconds per run (default 10)
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createStack, freePort, machine, putArticle } from './stack.mjs';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' } } });
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const body = JSON.stringify({ authorName: 'Bench Reader', body: 'The council budget for schools and roads looks right to me.' });

async function load(url, connections) {
  const r = await autocannon({ url, connections, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** The floor: what intake costs with no framework at all. */
async function startFloor(env) {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 20 });
  const u = new URL(env.REDIS_URL);
  const queue = new Queue('triage', { connection: { host: u.hostname, port: Number(u.port || 6379), enableOfflineQueue: false }, prefix: `${env.REDIS_PREFIX}-floor` });
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      try {
        const c = JSON.parse(raw);
        const externalId = req.url.split('/')[3];
        const { rows: a } = await pool.query('SELECT id, comments_open FROM articles WHERE external_id = $1', [externalId]);
        const client = await pool.connect();
        let id;
        try {
          await client.query('BEGIN');
          ({ rows: [{ id }] } = await client.query(
            `INSERT INTO comments (article_id, author_name, author_key, body, status) VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
            [a[0].id, c.authorName, `name:${c.authorName}`, c.body],
          ));
          await client.query(`INSERT INTO moderation_events (comment_id, to_status, actor_type, reason) VALUES ($1, 'pending', 'system', 'received')`, [id]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        await queue.add('triage-comment', { commentId: id }, { jobId: id, removeOnComplete: true });
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'pending' }));
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    });
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/api/articles/bench/comments`, close: async () => { server.close(); await queue.obliterate({ force: true }); await queue.close(); await pool.end(); } };
}

const stack = await createStack('intake');
let floor = null;
try {
  const base = await stack.startApi();
  await putArticle(base, 'bench');
  floor = await startFloor(stack.env);
  console.log(`bench:intake — ${new Date().toISOString()} — ${machine()} — ${rounds} alternating rounds of ${duration} s (Sift, then floor) per connection count, medians; autocannon in this process, API and floor on 127.0.0.1`);
  console.log('| connections | Sift req/s | p50 ms | p99 ms | floor req/s | p50 ms | p99 ms | Sift ÷ floor (median of rounds) | rounds | non-2xx (Sift/floor) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  // This VM's speed drifts by tens of percent within minutes: Sift and the floor run in alternating rounds so each
  // ratio compares two runs made moments apart, and the medians are reported.
  for (const connections of (process.env.BENCH_CONNS ?? '10,50').split(',').map(Number)) {
    const pairs = [];
    for (let r = 0; r < rounds; r++) pairs.push([await load(`${base}/api/articles/bench/comments`, connections), await load(floor.url, connections)]);
    const col = (i, k) => median(pairs.map((p) => p[i][k]));
    const bad = (i) => pairs.reduce((n, p) => n + p[i].non2xx + p[i].errors, 0);
    const ratios = pairs.map(([a, b]) => a.rps / b.rps);
    console.log(
      `| ${connections} | ${Math.round(col(0, 'rps'))} | ${col(0, 'p50')} | ${col(0, 'p99')} | ${Math.round(col(1, 'rps'))} | ${col(1, 'p50')} | ${col(1, 'p99')} | ` +
        `**${median(ratios).toFixed(2)}** | ${ratios.map((x) => x.toFixed(2)).join(' ')} | ${bad(0)}/${bad(1)} |`,
    );
  }
  const [{ n }] = (await stack.pool.query('SELECT count(*)::int AS n FROM comments')).rows;
  console.log(`\n${n} comments stored in all (Sift and floor together); nothing was triaged (no worker runs in this bench).`);
} finally {
  await floor?.close(); // the floor's queue has its own prefix: its jobs go with it
  await stack.stop();
}
