import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConfig } from './core/config/config.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { nestLogLevels } from './core/config/log-levels.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogLevels(getConfig().logLevel) });
  // SIGTERM/SIGINT close the BullMQ workers, which let in-flight jobs finish first.
  app.enableShutdownHooks();
  Logger.log('Sift worker consuming the triage and maintenance queues', 'Bootstrap');
}

bootstrap().catch(exitOnConfigError);
