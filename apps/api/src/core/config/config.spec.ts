import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sift-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('outside production without JWT_SECRET, generates a random signing secret once and keeps it (issue 16, item 4)', () => {
    const first = loadConfig({ SIFT_DATA_DIR: join(dataDir, 'a') }).auth.jwtSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ SIFT_DATA_DIR: join(dataDir, 'a') }).auth.jwtSecret).toBe(first);
    expect(statSync(join(dataDir, 'a', 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ SIFT_DATA_DIR: join(dataDir, 'b') }).auth.jwtSecret).not.toBe(first);
    expect(loadConfig({ SIFT_DATA_DIR: join(dataDir, 'c'), JWT_SECRET: 's'.repeat(32) }).auth.jwtSecret).toBe('s'.repeat(32));
  });

  it('has working defaults for development', () => {
    const c = loadConfig({ SIFT_DATA_DIR: dataDir });
    expect(c.env).toBe('development');
    expect(c.http.port).toBe(3000);
    expect(c.redis.prefix).toBe('sift');
    expect(c.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads and types every variable', () => {
    const c = loadConfig({ PORT: '8080', PUBLISHER_API_KEYS: ' a, b ,', CORS_ORIGINS: 'https://news.example', TRUST_PROXY: '10.0.0.5, 172.28.0.0/24' });
    expect(c.http).toMatchObject({ port: 8080, corsOrigins: ['https://news.example'], trustProxy: ['10.0.0.5', '172.28.0.0/24'] });
    expect(c.auth.publisherApiKeys).toEqual(['a', 'b']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
    [{ ADMIN_EMAIL: 'a@b.example' }, 'ADMIN_PASSWORD'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, 'PUBLISHER_API_KEYS'],
    // Issue 16, item 14: /metrics of the API and the worker were public by default.
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLISHER_API_KEYS: 'k' }, 'METRICS_TOKEN: is required in production'],
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  // Issue 16, item 7: TRUST_PROXY=true believed every client's X-Forwarded-For (40 posts with rotating headers: 40 × 202
  // under a limit of 20).
  it.each(['true', 'yes', '1', '2'])('refuses TRUST_PROXY=%s, saying to list the proxies', (v) => {
    expect(() => loadConfig({ TRUST_PROXY: v })).toThrow(/TRUST_PROXY: ".*" would trust every client's X-Forwarded-For: list your proxies' addresses or CIDRs instead/);
  });

  it.each([
    ['false', []],
    ['', []],
    ['172.28.0.10', ['172.28.0.10']],
    ['10.0.0.0/8, ::1, loopback', ['10.0.0.0/8', '::1', 'loopback']],
  ])('reads TRUST_PROXY=%j as the proxies %j', (v, list) => {
    expect(loadConfig({ TRUST_PROXY: v }).http.trustProxy).toEqual(list);
  });

  it('refuses a TRUST_PROXY entry that is no address or CIDR, naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, nginx' })).toThrow(/TRUST_PROXY: invalid IP address: nginx: list IP addresses or CIDRs/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY: invalid range on address: 10.0.0.0\/99/);
  });
});
