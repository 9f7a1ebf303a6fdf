import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AppConfig } from './core/config/config.js';
import { APP_CONFIG } from './core/config/config.module.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { createHttpApp } from './core/http/create-http-app.js';

/** After SIGTERM/SIGINT, in-flight requests get this long to finish before the process exits regardless. */
const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.http.port, config.http.host);
  Logger.log(`Sift API on ${await app.getUrl()} (docs at /api/docs)`, 'Bootstrap');
  // Nest's shutdown hooks stop the listener and close Postgres, Redis and the queues; a connection that never
  // settles must not keep a stopped replica alive, so a watchdog ends the process after the grace period.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        Logger.warn(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting`, 'Bootstrap');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

bootstrap().catch(exitOnConfigError);
