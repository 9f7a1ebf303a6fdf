import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dashboardHeaders } from './http/security-headers.js';

// Reads the repository's docker-compose.yml (no Docker needed) and checks what operators rely on.
interface Service {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  networks?: Record<string, { ipv4_address?: string }>;
}
const compose = parse(readFileSync(join(__dirname, '../../../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  networks?: Record<string, { ipam?: { config?: Array<{ subnet?: string }> } }>;
};
const s = compose.services;

describe('docker-compose.yml', () => {
  it('has postgres, redis, a one-shot migrate, api, worker and dashboard', () => {
    expect(Object.keys(s).sort()).toEqual(['api', 'dashboard', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('runs api, worker and migrate from one image, each with its own entrypoint', () => {
    const images = new Set(['api', 'worker', 'migrate'].map((n) => s[n].image));
    expect(images.size).toBe(1);
    expect(s.migrate.build?.target).toBe('app');
    expect(s.api.command).toEqual(['node', 'dist/apps/api/main.js']);
    expect(s.worker.command).toEqual(['node', 'dist/apps/api/worker.js']);
    expect(s.migrate.command).toEqual(['node', 'dist/apps/api/migrate.js']);
  });

  it('has healthchecks on every long-running service but the worker and dashboard, and waits on them', () => {
    for (const name of ['postgres', 'redis', 'api']) expect(s[name].healthcheck?.test).toBeDefined();
    expect(s.migrate.depends_on?.postgres.condition).toBe('service_healthy');
    for (const name of ['api', 'worker']) {
      expect(s[name].depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(s[name].depends_on?.redis.condition).toBe('service_healthy');
    }
    expect(s.dashboard.depends_on?.api.condition).toBe('service_healthy');
  });

  it('never lets Redis evict queue keys', () => {
    const cmd = (s.redis.command ?? []).join(' ');
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
  });

  it('bakes in no secret: every secret comes from the environment', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const env = s[name].environment ?? {};
      for (const key of ['JWT_SECRET', 'PUBLISHER_API_KEYS', 'METRICS_TOKEN']) expect(env[key]).toMatch(/^\$\{[A-Z_]+:\?/);
      // Optional: without it every reader is a guest; with it, publishers' signed author tokens work (issue 16, item 1).
      expect(env.AUTHOR_TOKEN_SECRETS).toBe('${AUTHOR_TOKEN_SECRETS:-}');
      expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
      expect(env.NODE_ENV).toBe('production');
    }
  });

  // Issue 16, item 7: without TRUST_PROXY every reader behind nginx shared nginx's address, one rate-limit bucket.
  it("trusts exactly nginx's fixed address as the proxy, inside the network's fixed subnet", () => {
    const nginx = s.dashboard.networks?.default?.ipv4_address;
    expect(nginx).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const name of ['api', 'worker', 'migrate']) expect(s[name].environment?.TRUST_PROXY).toBe(nginx);
    const subnet = compose.networks?.default?.ipam?.config?.[0]?.subnet ?? '';
    const [net, bits] = subnet.split('/');
    const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const block = 2 ** (32 - Number(bits));
    expect(Math.floor(toInt(nginx!) / block)).toBe(Math.floor(toInt(net) / block)); // nginx's address is in the subnet
  });

  // Issue 16, item 10: the dashboard rendered, with Approve/Hide, inside a foreign frame.
  it("nginx sends the dashboard the API's security headers, the reader page's file through the API, and no source maps", () => {
    const conf = readFileSync(join(__dirname, '../../../../docker/nginx.conf'), 'utf8');
    for (const [name, value] of Object.entries(dashboardHeaders())) expect(conf).toContain(`add_header ${name} ${value.includes(' ') ? `"${value}"` : value} always;`);
    expect(conf).toContain('location = /reader.html { proxy_pass http://sift_api; }');
    expect(conf).toMatch(/location ~ \\\.map\$ \{ return 404; \}/);
  });
});
