import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { type DynamicModule, Global, Injectable, Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueueName } from './queue.constants.js';
import { redisOptions } from './redis-connection.js';

/**
 * BullMQ on Redis. In the API (`producer`) the queues fail fast while Redis is unreachable
 * (`enableOfflineQueue: false`), so intake never waits on Redis: the comment is stored and the reconciler catches
 * up. In the worker the same queues (whose options its consumers inherit) wait and reconnect, as BullMQ workers need.
 */
/** An unreachable Redis must not crash the process (an 'error' event without a listener throws): log it, once. */
@Injectable()
class QueueErrorLogger {
  private readonly logger = new Logger('Queue');
  constructor(
    @InjectQueue(QueueName.Triage) triage: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.RuleJobs) ruleJobs: Queue,
  ) {
    // In the constructor, not onModuleInit: the first connection error can come while other modules still start.
    for (const q of [triage, maintenance, ruleJobs]) {
      let last = '';
      q.on('error', (err: Error) => {
        if (err.message !== last) this.logger.warn(`${q.name} queue: ${err.message}`);
        last = err.message;
      });
    }
  }
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    const queue = (name: QueueName) =>
      BullModule.registerQueueAsync({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          connection:
            role === 'producer'
              ? { ...redisOptions(config.redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 }
              : { ...redisOptions(config.redis.url), maxRetriesPerRequest: null },
          prefix: config.redis.prefix,
        }),
      });
    const bull = [
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
      ...Object.values(QueueName).map(queue),
    ];
    return { module: QueueModule, imports: bull, providers: [QueueErrorLogger], exports: [BullModule] };
  }
}
