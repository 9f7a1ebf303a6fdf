import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AppConfig } from './core/config/config.js';
import { APP_CONFIG } from './core/config/config.module.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { createHttpApp } from './http-app.js';
import { DrainService } from './core/lifecycle/drain.service.js';

/** After SIGTERM/SIGINT: requests still arriving are served for at most this long (see DrainService)… */
const DRAIN_MAX_MS = 5_000;
/** …and the whole stop may take this long before the process exits regardless. */
const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  // A deep accept queue (the kernel caps it at net.core.somaxconn): in a spike of new connections the default 511
  // overflowed and clients got connect timeouts and resets before the API could answer them (bench:pipeline, 500/s).
  await app.listen({ port: config.http.port, host: config.http.host, backlog: 4096 });
  Logger.log(`Sift API on ${await app.getUrl()} (docs at /api/docs)`, 'Bootstrap');
  if (config.metricsToken) Logger.log('API /metrics needs Authorization: Bearer <METRICS_TOKEN>', 'Bootstrap');
  else Logger.warn('API /metrics is open to anyone who reaches this port: METRICS_TOKEN is not set (production requires it)', 'Bootstrap');
  // Stop in order: drain (readiness 503, answers close their connections, in-flight requests finish), then close the
  // app (HTTP server, open live streams, queues, Postgres, Redis). A connection that never settles must not keep a
  // stopped replica alive, so a watchdog ends the process after the grace period.
  const stop = async (signal: NodeJS.Signals) => {
    setTimeout(() => {
      Logger.warn(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting`, 'Bootstrap');
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
    const drained = await app.get(DrainService).drain(DRAIN_MAX_MS);
    Logger.log(`${signal}: drained in ${drained.ms} ms (${drained.inFlight} requests still in flight); closing`, 'Bootstrap');
    await app.close();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop(signal).catch((err: Error) => {
        Logger.error(`shutdown failed: ${err.message}`, 'Bootstrap');
        process.exit(1);
      });
    });
  }
}

bootstrap().catch(exitOnConfigError);
