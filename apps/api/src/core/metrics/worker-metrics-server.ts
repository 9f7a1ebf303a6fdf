import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createServer, type Server } from 'node:http';
import { registry } from './metrics.js';
import { refreshQueueGauges } from './queue-metrics.js';

/**
 * The worker has no HTTP API; this tiny server gives Prometheus its metrics (GET /metrics) and the orchestrator a
 * liveness probe (GET /health). A port already taken (a second worker on one host) only logs a warning.
 */
export function startWorkerMetricsServer(port: number, host: string, queues: Queue[]): Server | null {
  if (port === 0) return null;
  const logger = new Logger('WorkerMetrics');
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      refreshQueueGauges(queues)
        .then(() => registry.metrics())
        .then((body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body))
        .catch((err: Error) => res.writeHead(500).end(err.message));
    } else if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      res.writeHead(404).end();
    }
  });
  server.on('error', (err: NodeJS.ErrnoException) => logger.warn(`metrics server not started on ${host}:${port}: ${err.code ?? err.message}`));
  server.listen(port, host, () => logger.log(`worker metrics on http://${host}:${port}/metrics`));
  server.unref();
  return server;
}
