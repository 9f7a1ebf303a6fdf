import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { redisOptions } from '../queue/redis-connection.js';
import { REDIS } from './redis.tokens.js';
import { LiveEventsPublisher, LiveEventsSubscriber } from './live-events.js';

export { REDIS };

/**
 * A general-purpose ioredis client (health checks; later pub/sub, rate limits, caches). Commands fail fast while
 * Redis is unreachable instead of queueing up, and it reconnects on its own.
 */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Redis');
        const client = new Redis({
          ...(redisOptions(config.redis.url) as object),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
        });
        let warned = false;
        client.on('error', (err: Error) => {
          if (!warned) logger.warn(`redis: ${err.message}`);
          warned = true;
        });
        client.on('ready', () => (warned = false));
        return client;
      },
    },
    RedisLifecycle,
    LiveEventsPublisher,
    LiveEventsSubscriber,
  ],
  exports: [REDIS, LiveEventsPublisher, LiveEventsSubscriber],
})
export class RedisModule {}
