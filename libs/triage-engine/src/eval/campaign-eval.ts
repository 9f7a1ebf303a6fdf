/**
 * `npm run -s eval -- --task campaign --input FILE.jsonl --output CLUSTERS.jsonl [--config JSON]`
 *
 * Input rows `{"id","text","author","article_id","ts"}` (ts: ISO time; rows in time order), optionally with
 * `"campaign"` (the true cluster, or null). Output one line per row `{"id","cluster"}` (null when alone), from the
 * worker's own clustering (`joinCluster` over band-key candidates within the window, `CampaignIndex`) with the
 * default config. With `campaign` labels it prints pairwise precision, recall and F1 of "same cluster" and the
 * number of false clusters (a found cluster in which no two comments share a true campaign).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { CampaignIndex, clusterConfigSchema } from '../campaign/cluster.js';

interface CampaignRow {
  id: string;
  text: string;
  ts: Date;
  campaign?: string | null;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The rows of a campaign input file, checked: a bad row stops with its line number and the field at fault. */
export function readCampaignRows(file: string): CampaignRow[] {
  const rows: CampaignRow[] = [];
  let last = -Infinity;
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        fail(`line ${i + 1}: not JSON`);
      }
      if (typeof o.id !== 'string' && typeof o.id !== 'number') fail(`line ${i + 1}: id must be a string or a number`);
      if (typeof o.text !== 'string') fail(`line ${i + 1}: text must be a string`);
      const ts = typeof o.ts === 'string' ? new Date(o.ts) : new Date(NaN);
      if (Number.isNaN(ts.getTime())) fail(`line ${i + 1}: ts must be an ISO time`);
      if (ts.getTime() < last) fail(`line ${i + 1}: rows must be in time order (ts ${o.ts} is before the previous row's)`);
      last = ts.getTime();
      const campaign = o.campaign === undefined ? undefined : o.campaign === null ? null : String(o.campaign);
      rows.push({ id: String(o.id), text: o.text, ts, campaign });
    });
  return rows;
}

/** Each row's cluster, as the worker would have it once every row has arrived. */
export function clusterRows(rows: readonly CampaignRow[], config: unknown = {}): Array<string | null> {
  const index = new CampaignIndex(clusterConfigSchema.parse(config));
  let pruned = rows[0]?.ts.getTime() ?? 0;
  for (const r of rows) {
    if (r.ts.getTime() - pruned > 3_600_000) {
      index.prune(r.ts); // the worker prunes on a schedule; hourly here
      pruned = r.ts.getTime();
    }
    index.add(r.id, r.text, r.ts);
  }
  return rows.map((r) => index.clusterOf(r.id));
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision/recall/F1 of "same cluster", and found clusters with no true pair inside. */
export function clusterMetrics(truth: ReadonlyArray<string | null>, found: ReadonlyArray<string | null>) {
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const byFound = new Map<string, number>();
  const byTruth = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const f = found[i];
    if (f !== null) count(byFound, f);
    if (t !== null) count(byTruth, t);
    if (f !== null && t !== null) count(both, `${f}\u0001${t}`);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, n) => a + pairs(n), 0);
  const tp = sum(both);
  const predicted = sum(byFound);
  const actual = sum(byTruth);
  const truePairIn = new Set([...both].filter(([, n]) => n >= 2).map(([k]) => k.split('\u0001')[0]));
  const falseClusters = [...byFound.keys()].filter((f) => !truePairIn.has(f)).length;
  const precision = predicted ? tp / predicted : NaN;
  const recall = actual ? tp / actual : NaN;
  return { tp, predicted, actual, precision, recall, f1: (2 * precision * recall) / (precision + recall), clusters: byFound.size, falseClusters };
}

export async function runCampaignEval(input: string, output: string | null, config: unknown): Promise<void> {
  const rows = readCampaignRows(input);
  const t0 = process.hrtime.bigint();
  const found = clusterRows(rows, config);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (output) {
    const out = createWriteStream(output);
    for (let i = 0; i < rows.length; i++) {
      if (!out.write(`${JSON.stringify({ id: rows[i].id, cluster: found[i] })}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));
  }
  console.log(`task campaign  input ${input}  rows ${rows.length}  (${ms.toFixed(0)} ms)  clustered ${found.filter((f) => f !== null).length}`);
  if (!rows.some((r) => r.campaign !== undefined)) return;
  const truth = rows.map((r) => r.campaign ?? null);
  const m = clusterMetrics(truth, found);
  const background = truth.filter((t) => t === null).length;
  const fmt = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
  console.log(`true pairs ${m.actual}  found pairs ${m.predicted}  both ${m.tp}  clusters ${m.clusters}`);
  console.log(`pairwise precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}`);
  console.log(`false clusters ${m.falseClusters} (${fmt((m.falseClusters / Math.max(1, background)) * 10_000)} per 10,000 background comments; ${background} background)`);
}
