import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import {
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  ThrottlerModule,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { redisOptions } from '../core/queue/redis-connection.js';

/**
 * Intake rate limits (docs/reader.md): @nestjs/throttler with two named throttlers — per client IP and per author —
 * counted in Redis by @nest-lab/throttler-storage-redis (one atomic Lua script per hit), so every API replica
 * shares the counts. Over a limit: 429, a message naming which limit and when to retry, and `Retry-After`.
 */
export const THROTTLE_IP = 'ip';
export const THROTTLE_AUTHOR = 'author';
const THROTTLE_REDIS = Symbol('THROTTLE_REDIS');

const sha = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Who "the author" is for the per-author limit: the publisher's author id when sent, else the name as typed. */
export function authorTracker(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { authorId, authorName } = body as { authorId?: unknown; authorName?: unknown };
  if (typeof authorId === 'string' && authorId.trim()) return `id:${authorId.trim()}`;
  if (typeof authorName === 'string' && authorName.trim()) return `name:${authorName.trim().toLowerCase()}`;
  return null;
}

/**
 * The library's Redis storage, failing open: intake never depends on Redis (docs/architecture.md), so while Redis
 * is unreachable a request is let through (and a warning logged once) rather than refused or delayed.
 */
class FailOpenStorage implements ThrottlerStorage {
  private readonly logger = new Logger('IntakeRateLimit');
  private warned = false;

  constructor(private readonly inner: ThrottlerStorage) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): ReturnType<ThrottlerStorage['increment']> {
    try {
      const record = await this.inner.increment(key, ttl, limit, blockDuration, name);
      this.warned = false;
      return record;
    } catch (err) {
      if (!this.warned) this.logger.warn(`rate limits not enforced while Redis is unreachable: ${(err as Error).message}`);
      this.warned = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

class LimitReached extends Error {
  constructor(readonly detail: ThrottlerLimitDetail) {
    super('limit reached');
  }
}

/** Applied to the intake route only (`@UseGuards(IntakeThrottlerGuard)`); reads and staff endpoints are not limited here. */
@Injectable()
export class IntakeThrottlerGuard extends ThrottlerGuard {
  /**
   * Both limits are counted at once. The library's guard checks its throttlers one after another, waiting for each
   * Redis reply before it sends the next count; here both counts start together, and the limiter's client
   * (auto-pipelining) sends them to Redis in one write — one round trip per comment instead of two. (So a request
   * over the IP limit still counts against its author; the route sets no per-handler throttler overrides, which this
   * does not read.)
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.shouldSkip(context)) return true;
    const results = await Promise.all(
      this.throttlers.map((throttler) => {
        const ttl = Number(throttler.ttl);
        return this.handleRequest({
          context,
          limit: Number(throttler.limit),
          ttl,
          blockDuration: Number(throttler.blockDuration ?? ttl),
          throttler,
          getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
          generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
        });
      }),
    );
    return results.every(Boolean);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(props);
    } catch (err) {
      if (!(err instanceof LimitReached)) throw err;
      const seconds = Math.max(1, err.detail.timeToBlockExpire);
      const reply = props.context.switchToHttp().getResponse<FastifyReply>();
      reply.header('Retry-After', String(seconds));
      const wait = `please wait ${seconds} second${seconds === 1 ? '' : 's'} before posting again`;
      const message =
        props.throttler.name === THROTTLE_AUTHOR
          ? `You are posting comments too quickly: ${wait}.`
          : `Too many comments from your network: ${wait}.`;
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds: seconds, limit: props.throttler.name },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  protected override async throwThrottlingException(_ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new LimitReached(detail);
  }
}

@Injectable()
class ThrottleRedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_REDIS) private readonly redis: Redis) {}
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** A Redis client of the limiter's own: its keys carry the install's prefix (`<REDIS_PREFIX>:throttle:`). */
@Module({
  providers: [
    {
      provide: THROTTLE_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = new Redis({
          ...(redisOptions(config.redis.url) as object),
          keyPrefix: `${config.redis.prefix}:throttle:`,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          enableAutoPipelining: true, // the two counts of one request leave in one write (IntakeThrottlerGuard)
        });
        client.on('error', () => undefined); // reported by FailOpenStorage when a count fails
        return client;
      },
    },
    ThrottleRedisLifecycle,
  ],
  exports: [THROTTLE_REDIS],
})
class ThrottleRedisModule {}

export const IntakeRateLimitModule = ThrottlerModule.forRootAsync({
  imports: [ThrottleRedisModule],
  inject: [APP_CONFIG, THROTTLE_REDIS],
  useFactory: (config: AppConfig, redis: Redis) => {
    const ttl = config.rateLimits.windowSeconds * 1000;
    return {
      storage: new FailOpenStorage(new ThrottlerStorageRedisService(redis)),
      generateKey: (ctx: ExecutionContext, tracker: string, name: string) => `intake:${name}:${sha(tracker)}`,
      throttlers: [
        { name: THROTTLE_IP, ttl, limit: config.rateLimits.perIp },
        {
          name: THROTTLE_AUTHOR,
          ttl,
          limit: config.rateLimits.perAuthor,
          // A body without an author (it will fail validation anyway) counts against its IP instead.
          getTracker: (req: Record<string, unknown>) => authorTracker(req.body) ?? `ip:${String(req.ip)}`,
        },
      ],
    };
  },
});
