import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { getConfig } from './core/config/config.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { startWorkerMetricsServer } from './core/metrics/worker-metrics-server.js';
import { QueueName } from './core/queue/queue.constants.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const config = getConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // SIGTERM/SIGINT close the BullMQ workers, which let in-flight jobs finish first.
  app.enableShutdownHooks();
  const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name)));
  startWorkerMetricsServer(config.workerMetricsPort, config.http.host, queues, { token: config.metricsToken });
  logger.log('Sift worker consuming the triage and maintenance queues', 'Bootstrap');
}

bootstrap().catch(exitOnConfigError);
