import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PresenceEntry } from '@sift/shared';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { LiveEventsPublisher } from '../core/redis/live-events.js';
import { REDIS } from '../core/redis/redis.tokens.js';

/**
 * How long "X has this card open" lasts without a heartbeat. The dashboard renews it every PRESENCE_TTL_SECONDS / 3
 * while the card is open, so two missed heartbeats are forgiven; a closed tab that could not say goodbye lapses
 * within this many seconds.
 */
export const PRESENCE_TTL_SECONDS = 30;

export interface Viewer {
  id: string;
  name: string;
}

/**
 * Who has which comment's card open (issue 17, item 6). Kept only in Redis, shared by every API process: one sorted
 * set `<prefix>:presence` of `<commentId>:<userId>` scored by when it lapses (ms), and the viewers' names in the hash
 * `<prefix>:presence:names`; both keys expire a TTL after the last heartbeat, so an idle site keeps nothing. Every
 * heartbeat and every goodbye is also a `presence` live event, so the dashboards on every API process see it at once
 * and let an entry lapse by itself when its heartbeats stop. Nothing here is worth a Postgres write.
 */
@Injectable()
export class PresenceService {
  private readonly setKey: string;
  private readonly namesKey: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEventsPublisher,
  ) {
    this.setKey = `${config.redis.prefix}:presence`;
    this.namesKey = `${config.redis.prefix}:presence:names`;
  }

  /** `viewer` has `commentId`'s card open: (re)starts their TTL and answers everyone who has it open now. */
  async heartbeat(commentId: string, viewer: Viewer): Promise<PresenceEntry[]> {
    await this.mustExist(commentId);
    const now = Date.now();
    const ttlMs = PRESENCE_TTL_SECONDS * 1000;
    const results = await this.run(
      this.redis
        .multi()
        .zremrangebyscore(this.setKey, '-inf', now)
        .zadd(this.setKey, now + ttlMs, `${commentId}:${viewer.id}`)
        .hset(this.namesKey, viewer.id, viewer.name)
        .pexpire(this.setKey, ttlMs)
        .pexpire(this.namesKey, ttlMs)
        .zrangebyscore(this.setKey, `(${now}`, '+inf', 'WITHSCORES')
        .hgetall(this.namesKey),
    );
    await this.live.publish([{ type: 'presence', id: commentId, userId: viewer.id, name: viewer.name, expiresIn: PRESENCE_TTL_SECONDS, at: new Date(now).toISOString() }]);
    return entries(results[5] as string[], results[6] as Record<string, string>, now).filter((e) => e.commentId === commentId);
  }

  /** `viewer` closed `commentId`'s card: gone for everyone at once (not after the TTL). */
  async leave(commentId: string, viewer: Viewer): Promise<void> {
    const [removed] = (await this.run(this.redis.multi().zrem(this.setKey, `${commentId}:${viewer.id}`))) as [number];
    if (removed > 0) {
      await this.live.publish([{ type: 'presence', id: commentId, userId: viewer.id, name: viewer.name, expiresIn: 0, at: new Date().toISOString() }]);
    }
  }

  /** Every card open right now, on any comment (a dashboard reads it once when its live stream opens). */
  async all(): Promise<PresenceEntry[]> {
    const now = Date.now();
    const results = await this.run(this.redis.multi().zrangebyscore(this.setKey, `(${now}`, '+inf', 'WITHSCORES').hgetall(this.namesKey));
    return entries(results[0] as string[], results[1] as Record<string, string>, now);
  }

  private async mustExist(commentId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM comments WHERE id = $1`, [commentId]);
    if (rows.length === 0) throw new NotFoundException(`comment ${commentId} not found`);
  }

  /** Runs a MULTI; any Redis failure is a 503 saying so (presence is a courtesy: the queue works without it). */
  private async run(multi: ReturnType<Redis['multi']>): Promise<unknown[]> {
    let results: Array<[Error | null, unknown]> | null;
    try {
      results = await multi.exec();
    } catch (err) {
      throw new ServiceUnavailableException(`presence is unavailable: Redis cannot be reached (${(err as Error).message})`);
    }
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw new ServiceUnavailableException(`presence is unavailable: ${failed?.[0]?.message ?? 'Redis aborted the transaction'}`);
    return results.map(([, value]) => value);
  }
}

/** ZRANGEBYSCORE … WITHSCORES (member, score, member, score …) and the names hash → entries. */
function entries(flat: string[], names: Record<string, string>, now: number): PresenceEntry[] {
  const out: PresenceEntry[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const [commentId, userId] = flat[i].split(':');
    if (!commentId || !userId) continue;
    out.push({ commentId, userId, name: names[userId] ?? 'a colleague', expiresIn: Math.max(1, Math.ceil((Number(flat[i + 1]) - now) / 1000)) });
  }
  return out;
}
