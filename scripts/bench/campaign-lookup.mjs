#!/usr/bin/env node
// `npm run bench:campaign-lookup`: the campaign candidate lookup (issue 18) with BENCH_ROWS (default 1,000,000)
// signatures in the 7-day window.
// 1. a throwaway database, migrated (scripts/bench/stack.mjs; no API or worker is started);
// 2. fills campaign_signatures directly (its comment foreign key dropped in this throwaway database: a million
//    comments are not what is measured): synthetic comments of 8–40 words drawn from a Zipf-like vocabulary of
//    20,000 content words (the 150 most frequent ranks left out, as the signature drops stopwords), 2 % of them paraphrases of 500 talking points, spread over 7 days and 1,000 articles; signatures
//    by the engine (libs/triage-engine dist: `campaignSignature`); the GIN index built after the fill;
// 3. runs the worker's candidate probe (campaign_lookup's candidates subquery: `bands && $keys` within the window,
//    most recent 200) as a named prepared statement for BENCH_PROBES texts (half paraphrases, half fresh) and prints
//    p50/p90/p99/max per probe and EXPLAIN (ANALYZE, BUFFERS) of a fresh and a campaign probe.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createStack, machine, percentile } from './stack.mjs';

const require = createRequire(import.meta.url);
const { campaignSignature } = require('../../libs/triage-engine/dist/index.js');

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PROBES = Number(process.env.BENCH_PROBES ?? 2000);
const BATCH = 5000;
const WINDOW_MIN = 7 * 24 * 60;

let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const VOCAB = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${'xyzq'[i % 4]}`);
// Zipf-like: word i drawn with weight 1/(i+1), the 150 most frequent left out (the stopwords the signature drops).
const word = () => {
  const i = Math.floor(Math.exp(rnd() * Math.log(VOCAB.length + 1))) - 1;
  return VOCAB[i >= 150 ? Math.min(i, VOCAB.length - 1) : 150 + Math.floor(rnd() * (VOCAB.length - 150))];
};
const text = (n) => Array.from({ length: n }, word).join(' ');
const POINTS = Array.from({ length: 500 }, () => text(20 + Math.floor(rnd() * 20)));
const paraphrase = (t) =>
  t
    .split(' ')
    .map((w) => (rnd() < 0.1 ? word() : w))
    .join(' ') + (rnd() < 0.3 ? ` ${text(6)}` : '');
const sample = () => (rnd() < 0.02 ? paraphrase(POINTS[Math.floor(rnd() * POINTS.length)]) : text(8 + Math.floor(rnd() * 33)));

const CANDIDATES = `WITH banded AS MATERIALIZED (SELECT s.comment_id, s.cluster_id, s.minhash, s.received_at FROM campaign_signatures s WHERE s.bands && $1::int8[])
  SELECT * FROM banded b WHERE b.received_at <= $2 AND b.received_at > $2 - make_interval(mins => $3::int)
  ORDER BY b.received_at DESC LIMIT 200`;

const stack = await createStack('campaign_lookup');
try {
  console.log(`# bench:campaign-lookup — ${ROWS.toLocaleString('en')} signatures in the window, ${PROBES} probes`);
  console.log(`machine: ${machine()}`);
  const db = stack.pool;
  await db.query(`ALTER TABLE campaign_signatures DROP CONSTRAINT campaign_signatures_comment_id_fkey`);
  await db.query(`DROP INDEX campaign_signatures_bands_idx`);
  const articles = Array.from({ length: 1000 }, () => randomUUID());
  const now = Date.now();
  let t = performance.now();
  for (let done = 0; done < ROWS; done += BATCH) {
    const rows = [];
    for (let i = 0; i < Math.min(BATCH, ROWS - done); i++) {
      const sig = campaignSignature(sample());
      rows.push({
        comment_id: randomUUID(),
        article_id: articles[Math.floor(rnd() * articles.length)],
        author_key: `name:r${Math.floor(rnd() * 200_000)}`,
        author_name: 'Reader',
        received_at: new Date(now - rnd() * WINDOW_MIN * 60_000).toISOString(),
        minhash: sig.minhash,
        bands: sig.bands,
      });
    }
    await db.query(
      `INSERT INTO campaign_signatures (comment_id, article_id, author_key, author_name, received_at, minhash, bands)
       SELECT comment_id, article_id, author_key, author_name, received_at, minhash, bands
         FROM json_to_recordset($1::json) AS x(comment_id uuid, article_id uuid, author_key text, author_name text, received_at timestamptz, minhash int4[], bands int8[])`,
      [JSON.stringify(rows)],
    );
  }
  console.log(`fill: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await db.query(`CREATE INDEX campaign_signatures_bands_idx ON campaign_signatures USING gin (bands) WITH (fastupdate = off)`);
  await db.query('VACUUM ANALYZE campaign_signatures');
  console.log(`GIN index + analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const [{ size }] = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('campaign_signatures')) AS size`)).rows;
  console.log(`table with indexes: ${size}`);

  const client = await db.connect();
  try {
    const probes = Array.from({ length: PROBES }, (_, i) => (i % 2 ? paraphrase(POINTS[i % POINTS.length]) : text(8 + Math.floor(rnd() * 33))));
    const at = new Date(now).toISOString();
    const times = [];
    const found = [];
    for (let round = 0; round < 2; round++) {
      for (const p of probes) {
        const keys = campaignSignature(p).bands;
        const s = performance.now();
        const r = await client.query({ name: 'bench_candidates', text: CANDIDATES, values: [keys, at, WINDOW_MIN] });
        if (round === 1) {
          times.push(performance.now() - s);
          found.push(r.rowCount);
        }
      }
    }
    times.sort((a, b) => a - b);
    const f = (x) => x.toFixed(2);
    console.log(`probe (client round trip, ms): p50 ${f(percentile(times, 50))}  p90 ${f(percentile(times, 90))}  p99 ${f(percentile(times, 99))}  max ${f(times.at(-1))}`);
    found.sort((a, b) => a - b);
    console.log(`candidates per probe: median ${percentile(found, 50)}, p99 ${percentile(found, 99)}`);
    for (const [label, p] of [['a fresh comment', probes[0]], ['a campaign paraphrase', probes[1]]]) {
      const keys = campaignSignature(p).bands;
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${CANDIDATES.replace('$1::int8[]', `'{${keys.join(',')}}'::int8[]`).replace(/\$2/g, `'${at}'::timestamptz`).replace('$3::int', String(WINDOW_MIN))}`);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${label}:`);
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
  } finally {
    client.release();
  }
} finally {
  await stack.stop();
}
