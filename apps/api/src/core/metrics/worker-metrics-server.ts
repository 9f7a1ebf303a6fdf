import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Worker } from 'node:worker_threads';
import { registry } from './metrics.js';
import { refreshQueueGauges } from './queue-metrics.js';

/** The main loop counts a beat this often; /health says `blocked` once no beat came for `blockedAfterMs`. */
const BEAT_MS = 250;

export interface WorkerHealthOptions {
  /** Answer 503 `blocked` when the main event loop has not beaten for this long (default 5 s). */
  blockedAfterMs?: number;
  /** How long /metrics waits for the main loop to render them before answering 503 (default 5 s). */
  metricsTimeoutMs?: number;
  /** METRICS_TOKEN: /metrics then needs `Authorization: Bearer <token>` (/health stays open for the liveness probe). */
  token?: string;
}

/**
 * The HTTP side of the thread, as plain JavaScript (run with `eval`, so it loads the same from `dist/` and from the
 * TypeScript sources under jest). It serves GET /health from the heartbeat alone — the main loop adds 1 to a
 * shared counter every BEAT_MS; the thread notes when it last changed — and relays GET /metrics to the main loop.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:http');
const { performance } = require('node:perf_hooks');
const { createHash, timingSafeEqual } = require('node:crypto');
const { port, host, blockedAfterMs, metricsTimeoutMs, token } = workerData;
const digest = (s) => createHash('sha256').update(String(s)).digest();
const want = token ? digest('Bearer ' + token) : null;
const allowed = (req) => !want || timingSafeEqual(digest(req.headers.authorization || ''), want);
const beat = new Int32Array(workerData.beat);
let seen = Atomics.load(beat, 0);
let lastBeat = performance.now();
setInterval(() => {
  const v = Atomics.load(beat, 0);
  if (v !== seen) { seen = v; lastBeat = performance.now(); }
}, 50);
const silentMs = () => Math.max(0, Math.round(performance.now() - lastBeat));
const pending = new Map();
let seq = 0;
parentPort.on('message', (m) => { const done = pending.get(m.id); if (done) { pending.delete(m.id); done(m); } });
const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
const server = createServer((req, res) => {
  if (req.url === '/health') {
    const ms = silentMs();
    if (ms >= blockedAfterMs) json(res, 503, { status: 'blocked', blockedMs: ms, message: 'the worker main event loop has not run for ' + ms + ' ms' });
    else json(res, 200, { status: 'ok' });
  } else if (req.url === '/metrics' && !allowed(req)) {
    json(res, 401, { statusCode: 401, message: 'metrics need Authorization: Bearer <METRICS_TOKEN>' });
  } else if (req.url === '/metrics') {
    const id = ++seq;
    const timer = setTimeout(() => {
      pending.delete(id);
      json(res, 503, { status: 'blocked', blockedMs: silentMs(), message: 'the worker main event loop did not answer within ' + metricsTimeoutMs + ' ms' });
    }, metricsTimeoutMs);
    pending.set(id, (m) => {
      clearTimeout(timer);
      if (m.error) res.writeHead(500).end(m.error);
      else res.writeHead(200, { 'content-type': m.contentType }).end(m.body);
    });
    parentPort.postMessage({ type: 'metrics', id });
  } else {
    res.writeHead(404).end();
  }
});
server.on('error', (err) => parentPort.postMessage({ type: 'error', message: err.code || err.message }));
server.listen(port, host, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
`;

export interface WorkerMetricsServer {
  /** Resolves with the port once the thread listens (null if it could not). */
  listening: Promise<number | null>;
  close(): Promise<void>;
}

/**
 * The worker has no HTTP API; this small server gives Prometheus its metrics (GET /metrics) and the orchestrator a
 * liveness probe (GET /health). It runs in a thread of its own (worker_threads), so /health still answers when
 * the main event loop is blocked — a rule or a bug holding it is exactly what a liveness probe must see (issue 16:
 * the worker's health answered nothing for 150 s) — with 503 `{status: "blocked", blockedMs}` once the main loop
 * has missed its heartbeat for `blockedAfterMs`. /metrics are rendered by the main loop (prom-client's registry
 * lives there) and relayed; while it is blocked they are a 503 after `metricsTimeoutMs`. A port already taken (a
 * second worker on one host) only logs a warning.
 */
export function startWorkerMetricsServer(port: number, host: string, queues: Queue[], opts: WorkerHealthOptions = {}): WorkerMetricsServer | null {
  if (port === 0) return null;
  const logger = new Logger('WorkerMetrics');
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const heartbeat = setInterval(() => Atomics.add(beat, 0, 1), BEAT_MS);
  heartbeat.unref();
  const thread = new Worker(THREAD, {
    eval: true,
    workerData: { port, host, beat: beat.buffer, blockedAfterMs: opts.blockedAfterMs ?? 5000, metricsTimeoutMs: opts.metricsTimeoutMs ?? 5000, token: opts.token },
  });
  thread.unref();
  let resolveListening: (port: number | null) => void = () => undefined;
  const listening = new Promise<number | null>((resolve) => (resolveListening = resolve));
  thread.on('message', (m: { type: string; id?: number; port?: number; message?: string }) => {
    if (m.type === 'metrics') {
      refreshQueueGauges(queues)
        .then(() => registry.metrics())
        .then((body) => thread.postMessage({ id: m.id, body, contentType: registry.contentType }))
        .catch((err: Error) => thread.postMessage({ id: m.id, error: err.message }));
    } else if (m.type === 'listening') {
      logger.log(`worker metrics on http://${host}:${m.port}/metrics, liveness on /health`);
      if (opts.token) logger.log('worker /metrics needs Authorization: Bearer <METRICS_TOKEN>');
      else logger.warn('worker /metrics is open to anyone who reaches this port: METRICS_TOKEN is not set (production requires it)');
      resolveListening(m.port ?? port);
    } else if (m.type === 'error') {
      logger.warn(`metrics server not started on ${host}:${port}: ${m.message}`);
      resolveListening(null);
    }
  });
  thread.on('error', (err) => logger.warn(`metrics thread failed: ${err.message}`));
  return {
    listening,
    close: async () => {
      clearInterval(heartbeat);
      await thread.terminate();
    },
  };
}
