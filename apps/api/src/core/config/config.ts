import proxyAddr from '@fastify/proxy-addr';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment. `loadConfig()` validates every variable once and returns a typed,
 * nested config; a bad value stops the process with a message naming the variable.
 */
const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.join(' or ')}//` },
  );

/**
 * TRUST_PROXY: the proxies whose X-Forwarded-For the API believes (docs/operations.md "Security"), as addresses and
 * CIDRs (or proxy-addr's `loopback`, `linklocal`, `uniquelocal`); `false` or empty: none. `true` or a hop count
 * would believe any client's header — a reader could choose a new address per request — so they are refused.
 */
const trustedProxies = z
  .string()
  .default('false')
  .transform((raw, ctx) => {
    const v = raw.trim().toLowerCase();
    if (['', 'false', '0', 'no'].includes(v)) return [];
    if (['true', 'yes'].includes(v) || /^\d+$/.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" would trust every client's X-Forwarded-For: list your proxies' addresses or CIDRs instead, e.g. TRUST_PROXY=10.0.0.5,172.28.0.0/24`,
      });
      return z.NEVER;
    }
    const list = raw.split(',').map((x) => x.trim()).filter(Boolean);
    try {
      proxyAddr.compile(list);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `${(err as Error).message}: list IP addresses or CIDRs (or loopback, linklocal, uniquelocal)` });
      return z.NEVER;
    }
    return list;
  });

/** AUTHOR_TOKEN_SECRETS: `<publisher>:<secret>` pairs, comma-separated; a publisher may have two (rotation). */
const authorTokenSecrets = csv.transform((entries, ctx) =>
  entries.flatMap((entry) => {
    const m = /^([a-z0-9._-]{1,64}):(.+)$/i.exec(entry);
    if (!m || m[2].length < 32) {
      ctx.addIssue({ code: 'custom', message: `each entry must be <publisher>:<secret> with a publisher name of letters, digits, ".", "_" or "-" and a secret of at least 32 characters (entry ${entries.indexOf(entry) + 1} is not)` });
      return [];
    }
    return [{ publisher: m[1], secret: m[2] }];
  }),
);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/sift'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379/0'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9:_-]+$/, 'only letters, digits, ":", "_" and "-"')
      .default('sift'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Outside production: where the generated signing secret is kept (shared by the processes of one machine). */
    SIFT_DATA_DIR: z.string().min(1).default('.sift'),
    /** Lifetime of a staff access token; the refresh cookie renews it (docs/operations.md, "Sessions"). */
    JWT_TTL_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
    /** A staff session ends this long after its login, however active (a shift and then some). */
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    PUBLISHER_API_KEYS: csv,
    AUTHOR_TOKEN_SECRETS: authorTokenSecrets,
    CORS_ORIGINS: csv,
    DASHBOARD_DIR: z.string().optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(1).default(60),
    RECONCILE_EVERY_SECONDS: z.coerce.number().int().min(1).default(30),
    TRIAGE_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    // The site's learned insult model (docs/eval.md, "Learning from decisions"): how often the worker retrains it
    // (0: never by itself; on demand through the API still), and after how many days an auto-approved comment
    // nobody reported counts as a weak negative (0: none).
    LEARNED_RETRAIN_EVERY_HOURS: z.coerce.number().int().min(0).max(720).default(24),
    LEARNED_WEAK_NEGATIVE_DAYS: z.coerce.number().int().min(0).max(365).default(3),
    // docs/operations.md "Security": all the rules of one comment must finish within this; else `error`, held.
    RULE_RUN_BUDGET_MS: z.coerce.number().int().min(1).max(60000).default(1000),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustedProxies,
    // Intake rate limits (docs/reader.md): at most N comments per window, per client IP and per author.
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_PER_AUTHOR: z.coerce.number().int().min(1).default(5),
    // Sign-in throttling (docs/operations.md "Throttling"): failures allowed before each next attempt waits longer.
    LOGIN_FREE_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FREE_FAILURES_PER_NETWORK: z.coerce.number().int().min(1).max(1000000).default(20),
    /** Password checks (argon2id) running at once per API process. */
    LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    // Reader reports (docs/reader.md, "Reports"): at most N reports per reader per window.
    REPORT_LIMIT_PER_READER: z.coerce.number().int().min(1).default(10),
    REPORT_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
    PUBLIC_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production (32+ random characters, e.g. openssl rand -hex 32); outside production one is generated' });
    if (env.PUBLISHER_API_KEYS.length === 0)
      ctx.addIssue({ code: 'custom', path: ['PUBLISHER_API_KEYS'], message: 'is required in production' });
    if (!env.METRICS_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: "is required in production: the API's and the worker's /metrics answer only Authorization: Bearer <METRICS_TOKEN> (16+ random characters, e.g. openssl rand -hex 16)" });
  });

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; corsOrigins: string[]; dashboardDir?: string; trustProxy: string[] };
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    sessionMaxSeconds: number;
    publisherApiKeys: string[];
    bootstrapAdmin?: { email: string; password: string };
  };
  triage: { concurrency: number; reconcileGraceSeconds: number; reconcileEverySeconds: number; ruleBudgetMs: number };
  /** The learned insult model: retrain interval (0: no schedule) and weak negatives' age (0: none). */
  learned: { retrainEveryHours: number; weakNegativeDays: number };
  /** Publishers' secrets for signed author tokens (docs/reader.md), by publisher name (the token's `kid`). */
  authorTokenSecrets: Array<{ publisher: string; secret: string }>;
  /** Intake limits, counted in Redis (so they hold across API replicas). */
  rateLimits: { windowSeconds: number; perIp: number; perAuthor: number };
  loginThrottle: { freeFailuresPerAccount: number; freeFailuresPerNetwork: number; hashConcurrency: number };
  /** Reader reports per reader (author token, else network) per window, counted in Redis. */
  reportLimits: { windowSeconds: number; perReader: number };
  /** max-age of the public read endpoints (they also carry an ETag and must-revalidate). */
  publicCacheMaxAgeSeconds: number;
  logLevel: string;
  /** When set (always in production), GET /metrics of the API and the worker needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** The worker's own /metrics and /health port (0: off). */
  workerMetricsPort: number;
}

export class ConfigError extends Error {}

/**
 * Outside production without JWT_SECRET: a random secret generated on first start and kept in
 * `<SIFT_DATA_DIR>/jwt-secret` (mode 0600), so every process started from this folder signs alike and tokens survive
 * a restart. No secret is written in the source (issue 16, item 4); production refuses to start without JWT_SECRET.
 */
function generatedSecret(dir: string): string {
  const file = join(dir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 }); // wx: a racing process keeps its own
      process.stderr.write(`JWT_SECRET is not set: generated a random signing secret and keeps it in ${file} (development only)\n`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigError(`JWT_SECRET is not set and ${file} cannot be written: ${(err as Error).message}`);
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid environment configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      corsOrigins: e.CORS_ORIGINS,
      dashboardDir: e.DASHBOARD_DIR,
      trustProxy: e.TRUST_PROXY,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    auth: {
      jwtSecret: e.JWT_SECRET ?? generatedSecret(e.SIFT_DATA_DIR),
      jwtTtlSeconds: e.JWT_TTL_SECONDS,
      sessionMaxSeconds: e.SESSION_MAX_HOURS * 3600,
      publisherApiKeys: e.PUBLISHER_API_KEYS,
      bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    },
    triage: {
      concurrency: e.TRIAGE_CONCURRENCY,
      reconcileGraceSeconds: e.RECONCILE_GRACE_SECONDS,
      reconcileEverySeconds: e.RECONCILE_EVERY_SECONDS,
      ruleBudgetMs: e.RULE_RUN_BUDGET_MS,
    },
    learned: { retrainEveryHours: e.LEARNED_RETRAIN_EVERY_HOURS, weakNegativeDays: e.LEARNED_WEAK_NEGATIVE_DAYS },
    authorTokenSecrets: e.AUTHOR_TOKEN_SECRETS,
    rateLimits: { windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS, perIp: e.RATE_LIMIT_PER_IP, perAuthor: e.RATE_LIMIT_PER_AUTHOR },
    loginThrottle: {
      freeFailuresPerAccount: e.LOGIN_FREE_FAILURES_PER_ACCOUNT,
      freeFailuresPerNetwork: e.LOGIN_FREE_FAILURES_PER_NETWORK,
      hashConcurrency: e.LOGIN_HASH_CONCURRENCY,
    },
    reportLimits: { windowSeconds: e.REPORT_LIMIT_WINDOW_SECONDS, perReader: e.REPORT_LIMIT_PER_READER },
    publicCacheMaxAgeSeconds: e.PUBLIC_CACHE_MAX_AGE_SECONDS,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    workerMetricsPort: e.WORKER_METRICS_PORT,
  };
}

let cached: AppConfig | undefined;

/** The process's config: loaded and validated on first use, then the same object. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
