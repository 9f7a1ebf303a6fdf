import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { clientNetwork } from '../core/identity/author-identity.js';
import { REDIS } from '../core/redis/redis.tokens.js';

/** Failures are forgotten this long after the first of a series (a success forgets an account's at once). */
const FAILURE_MEMORY_SECONDS = 3600;
/** The wait after the first failure past the free ones; each further failure doubles it, up to MAX_WAIT_SECONDS. */
const FIRST_WAIT_SECONDS = 15;
const MAX_WAIT_SECONDS = 15 * 60;
/** Sign-ins one network may have being checked at once (a newsroom behind one address signs in together). */
const IN_FLIGHT_PER_NETWORK = 2;
/** Sign-ins waiting for a password check, at most; beyond that the API answers 429 at once. */
const MAX_WAITING = 64;

type Scope = 'account' | 'network';

const key = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

function tooMany(message: string, seconds: number): HttpException {
  return new HttpException({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds: seconds }, HttpStatus.TOO_MANY_REQUESTS);
}

const wait = (seconds: number) => `try again in ${seconds} second${seconds === 1 ? '' : 's'}`;

/**
 * Sign-in throttling (issue 16, item 5; docs/operations.md "Throttling"). Per account (the e-mail, known or not)
 * and per client network (IPv4 address, IPv6 /64): the first failures are free, each one after that makes the next
 * attempt wait: 15 s, then twice as long each time, up to 15 min, counted in Redis (rate-limiter-flexible) so every API
 * replica sees the same counts; while Redis is unreachable, each process counts in memory. A success forgets the
 * account's failures (not the network's). A waiting account or network gets 429 with Retry-After, even for the
 * right password, before any password is checked.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures: Record<Scope, RateLimiterRedis>;
  private readonly waits: Record<Scope, RateLimiterRedis>;
  private readonly free: Record<Scope, number>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:login:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    // `failures` only counts (it never refuses); `waits` holds the current wait, set with block().
    this.failures = { account: limiter('fail-account', 1_000_000, FAILURE_MEMORY_SECONDS), network: limiter('fail-network', 1_000_000, FAILURE_MEMORY_SECONDS) };
    this.waits = { account: limiter('wait-account', 1, MAX_WAIT_SECONDS), network: limiter('wait-network', 1, MAX_WAIT_SECONDS) };
    this.free = { account: config.loginThrottle.freeFailuresPerAccount, network: config.loginThrottle.freeFailuresPerNetwork };
  }

  private keys(email: string, ip: string): Record<Scope, string> {
    return { account: key(email.trim().toLowerCase()), network: key(clientNetwork(ip)) };
  }

  /** Throws 429 when the account or the network must still wait. */
  async check(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    for (const scope of ['account', 'network'] as const) {
      const res = await this.waits[scope].get(keys[scope]);
      if (res && res.consumedPoints > 1 && res.msBeforeNext > 0) {
        const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw tooMany(
          scope === 'account'
            ? `too many failed sign-ins for this account: ${wait(seconds)}`
            : `too many failed sign-ins from your network: ${wait(seconds)}`,
          seconds,
        );
      }
    }
  }

  /** A wrong password (or unknown e-mail): counted for both; past the free ones, the next attempt waits longer. */
  async failed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    for (const scope of ['account', 'network'] as const) {
      const res = await this.failures[scope].consume(keys[scope]).catch((e: unknown) => (e instanceof RateLimiterRes ? e : null));
      const over = (res?.consumedPoints ?? 0) - this.free[scope];
      if (over > 0) await this.waits[scope].block(keys[scope], Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (over - 1)));
    }
  }

  /** The right password: the account's failures are forgotten. */
  async succeeded(email: string, ip: string): Promise<void> {
    const { account } = this.keys(email, ip);
    await Promise.all([this.failures.account.delete(account), this.waits.account.delete(account)]);
  }
}

/**
 * At most `concurrency` password checks (argon2id: memory-hard, tens of ms of CPU each) run at once in this
 * process, at most IN_FLIGHT_PER_NETWORK of them for one network, and at most MAX_WAITING wait: a flood of bogus
 * sign-ins gets 429s instead of a queue that makes a real sign-in wait seconds.
 */
@Injectable()
export class PasswordCheckGate {
  private readonly logger = new Logger('LoginThrottle');
  private running = 0;
  private readonly queue: Array<() => void> = [];
  private readonly perNetwork = new Map<string, number>();
  private readonly concurrency: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.concurrency = config.loginThrottle.hashConcurrency;
  }

  async run<T>(ip: string, work: () => Promise<T>): Promise<T> {
    const network = clientNetwork(ip);
    const mine = this.perNetwork.get(network) ?? 0;
    if (mine >= IN_FLIGHT_PER_NETWORK) throw tooMany(`a sign-in from your network is being checked: ${wait(1)}`, 1);
    if (this.running >= this.concurrency && this.queue.length >= MAX_WAITING) {
      this.logger.warn(`${MAX_WAITING} sign-ins waiting for a password check: refusing more`);
      throw tooMany(`too many sign-ins at once: ${wait(1)}`, 1);
    }
    this.perNetwork.set(network, mine + 1);
    try {
      if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
      else this.running++;
      try {
        return await work();
      } finally {
        const next = this.queue.shift();
        if (next) next(); // the slot passes on
        else this.running--;
      }
    } finally {
      const left = (this.perNetwork.get(network) ?? 1) - 1;
      if (left > 0) this.perNetwork.set(network, left);
      else this.perNetwork.delete(network);
    }
  }
}
