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
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientNetwork } from '../core/identity/author-identity.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { redisOptions } from '../core/queue/redis-connection.js';

/**
 * Intake rate limits (docs/reader.md):
 * - per client network (IPv4 address, IPv6 /64): @nestjs/throttler in this guard, counting every request — valid
 *   or not — in Redis through @nest-lab/throttler-storage-redis (one atomic Lua script per hit), shared by every
 *   API replica;
 * - per author: counted by the intake service once it knows who the author is (AuthorRateLimit), and only for
 *   comments it stores: a request that fails validation or names a missing article costs its author nothing, and
 *   the author is the verified id or the address + name, so nobody elsewhere can use up someone's limit (issue 16).
 * Over a limit: 429, a message naming which limit and when to retry, and `Retry-After`.
 */
export const THROTTLE_IP = 'ip';
export const THROTTLE_AUTHOR = 'author';
export const THROTTLE_REPORT = 'report';
const THROTTLE_REDIS = Symbol('THROTTLE_REDIS');

const sha = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

function limitReached(limit: string, seconds: number): HttpException {
  const wait = `please wait ${seconds} second${seconds === 1 ? '' : 's'} before ${limit === THROTTLE_REPORT ? 'reporting' : 'posting'} again`;
  const message =
    limit === THROTTLE_REPORT
      ? `You have reported many comments in a short time: ${wait}.`
      : limit === THROTTLE_AUTHOR
        ? `You are posting comments too quickly: ${wait}.`
        : `Too many comments from your network: ${wait}.`;
  return new HttpException({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds: seconds, limit }, HttpStatus.TOO_MANY_REQUESTS);
}

/**
 * A limit that counts places in Redis (rate-limiter-flexible on the limiter's Redis: `take` consumes a place
 * atomically, `giveBack` rewards it when the request stored nothing). Fails open: neither intake nor reports
 * depend on Redis.
 */
class CountedLimit {
  private readonly logger = new Logger('IntakeRateLimit');
  private readonly limiter: RateLimiterRedis;
  private warned = false;

  constructor(
    redis: Redis,
    private readonly limit: string,
    opts: { keyPrefix: string; points: number; duration: number },
  ) {
    this.limiter = new RateLimiterRedis({ storeClient: redis, ...opts, rejectIfRedisNotReady: true });
  }

  /** A place for one request by `who`, or a 429 naming when to retry. */
  async take(who: string): Promise<{ giveBack: () => Promise<void> }> {
    const key = sha(who);
    try {
      await this.limiter.consume(key);
      this.warned = false;
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        await this.limiter.reward(key).catch(() => undefined); // the refused request does not count either
        throw limitReached(this.limit, Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      }
      if (!this.warned) this.logger.warn(`per-${this.limit} limit not enforced while Redis is unreachable: ${(err as Error).message}`);
      this.warned = true;
      return { giveBack: async () => undefined };
    }
    return { giveBack: () => this.limiter.reward(key).then(() => undefined, () => undefined) };
  }
}

/** The per-author limit: at most RATE_LIMIT_PER_AUTHOR stored comments per author key per window. */
@Injectable()
export class AuthorRateLimit extends CountedLimit {
  constructor(@Inject(THROTTLE_REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, THROTTLE_AUTHOR, { keyPrefix: 'intake:author', points: config.rateLimits.perAuthor, duration: config.rateLimits.windowSeconds });
  }
}

/** The per-reader report limit: at most REPORT_LIMIT_PER_READER reports per reader per window (docs/reader.md, "Reports"). */
@Injectable()
export class ReportRateLimit extends CountedLimit {
  constructor(@Inject(THROTTLE_REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, THROTTLE_REPORT, { keyPrefix: 'reports:reader', points: config.reportLimits.perReader, duration: config.reportLimits.windowSeconds });
  }
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
   * The guard's throttlers (the per-network limit) counted at once, without per-handler overrides (the route sets
   * none). The per-author limit is the intake service's (AuthorRateLimit).
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
      props.context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
      throw limitReached(props.throttler.name ?? THROTTLE_IP, seconds);
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
          enableAutoPipelining: true,
        });
        client.on('error', () => undefined); // reported by FailOpenStorage when a count fails
        return client;
      },
    },
    ThrottleRedisLifecycle,
    AuthorRateLimit,
    ReportRateLimit,
  ],
  exports: [THROTTLE_REDIS, AuthorRateLimit, ReportRateLimit],
})
export class ThrottleRedisModule {}

export const IntakeRateLimitModule = ThrottlerModule.forRootAsync({
  imports: [ThrottleRedisModule],
  inject: [APP_CONFIG, THROTTLE_REDIS],
  useFactory: (config: AppConfig, redis: Redis) => {
    const ttl = config.rateLimits.windowSeconds * 1000;
    return {
      storage: new FailOpenStorage(new ThrottlerStorageRedisService(redis)),
      generateKey: (ctx: ExecutionContext, tracker: string, name: string) => `intake:${name}:${sha(tracker)}`,
      throttlers: [
        // Every request counts, valid or not; an IPv6 client's whole /64 is one network.
        { name: THROTTLE_IP, ttl, limit: config.rateLimits.perIp, getTracker: (req: Record<string, unknown>) => clientNetwork(String(req.ip)) },
      ],
    };
  },
});
