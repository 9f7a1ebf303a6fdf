import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AppConfig } from './core/config/config.js';
import { APP_CONFIG } from './core/config/config.module.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { createHttpApp } from './core/http/create-http-app.js';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.http.port, config.http.host);
  Logger.log(`Sift API on ${await app.getUrl()} (docs at /api/docs)`, 'Bootstrap');
}

bootstrap().catch(exitOnConfigError);
