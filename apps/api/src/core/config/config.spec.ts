import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.http.port).toBe(3000);
    expect(c.redis.prefix).toBe('sift');
    expect(c.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads and types every variable', () => {
    const c = loadConfig({ PORT: '8080', PUBLISHER_API_KEYS: ' a, b ,', CORS_ORIGINS: 'https://news.example', TRUST_PROXY: 'true' });
    expect(c.http).toMatchObject({ port: 8080, corsOrigins: ['https://news.example'], trustProxy: true });
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
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
