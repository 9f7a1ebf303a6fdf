import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueueName } from './queue.constants.js';
import { redisOptions } from './redis-connection.js';

/**
 * BullMQ on Redis, for both processes. Producer-side queues fail fast when Redis is unreachable
 * (`enableOfflineQueue: false`), so intake never waits on Redis: the reconciler catches up later.
 */
const producerQueue = (name: QueueName) =>
  BullModule.registerQueueAsync({
    name,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      connection: { ...redisOptions(config.redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      prefix: config.redis.prefix,
    }),
  });

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisOptions(config.redis.url), maxRetriesPerRequest: null },
        prefix: config.redis.prefix,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    producerQueue(QueueName.Triage),
    producerQueue(QueueName.Maintenance),
  ],
  exports: [BullModule],
})
export class QueueModule {}
