import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { LiveEvent } from '@sift/shared';
import { Redis } from 'ioredis';
import { Observable, Subject, share } from 'rxjs';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { REDIS } from './redis.tokens.js';

/** Pub/sub channels are global to a Redis server (not per db), so the channel carries the deployment's prefix. */
export const liveChannel = (prefix: string) => `${prefix}:live`;

/** Events published within this many milliseconds share one Redis message (see LiveEventsPublisher.publish). */
const COALESCE_MS = 10;
const MAX_BATCH = 500;

/**
 * Publishes live events (comment received, status changed) to Redis, from any process (API or worker). Every API
 * replica subscribes (LiveEventsSubscriber) and fans them out to its SSE clients. Best effort: a lost event only
 * delays a dashboard's refresh (the counts and lists are re-read from Postgres), so a Redis error is logged, never
 * thrown into the caller.
 */
@Injectable()
export class LiveEventsPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveEventsPublisher.name);
  private readonly channel: string;
  private buffered: LiveEvent[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = liveChannel(config.redis.prefix);
  }

  /**
   * Events published within COALESCE_MS of each other go out as one message: under load every intake would
   * otherwise cost a Redis write of its own (a system call that wakes Redis — on a small box the largest cost of a
   * request after Postgres). A bulk decision is one message, not N. Resolves once the message is sent (or failed).
   */
  publish(events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    this.buffered.push(...events);
    if (this.buffered.length >= MAX_BATCH) return this.flush();
    this.flushing ??= new Promise<void>((resolve) => setTimeout(resolve, COALESCE_MS)).then(() => this.flush());
    return this.flushing;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  private async flush(): Promise<void> {
    const batch = this.buffered;
    this.buffered = [];
    this.flushing = null;
    if (batch.length === 0) return;
    try {
      await this.redis.publish(this.channel, JSON.stringify(batch));
    } catch (err) {
      this.logger.warn(`live events not published: ${(err as Error).message}`);
    }
  }
}

/**
 * One Redis subscriber connection per API process, shared by all its SSE clients. Subscribes lazily (on the first
 * client) so processes that never stream (the worker, CLI) never open it.
 */
@Injectable()
export class LiveEventsSubscriber implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsSubscriber.name);
  private readonly subject = new Subject<LiveEvent[]>();
  private connection: Redis | null = null;
  private ready: Promise<void> | null = null;
  readonly events$: Observable<LiveEvent[]> = this.subject.pipe(share());

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves once this process is subscribed (tests wait on it before publishing). */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const channel = liveChannel(this.config.redis.prefix);
    // A subscribed connection can run no other commands: a duplicate, which retries forever and re-subscribes.
    const conn = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: false });
    this.connection = conn;
    conn.on('error', (err: Error) => this.logger.warn(`live subscriber: ${err.message}`));
    conn.on('message', (ch: string, message: string) => {
      if (ch !== channel) return;
      try {
        const parsed = JSON.parse(message) as LiveEvent[];
        if (Array.isArray(parsed)) this.subject.next(parsed);
      } catch {
        this.logger.warn('live subscriber: ignored a message that is not JSON');
      }
    });
    this.ready = conn.subscribe(channel).then(() => undefined);
    return this.ready;
  }

  async onApplicationShutdown(): Promise<void> {
    this.subject.complete();
    this.connection?.disconnect();
  }
}
