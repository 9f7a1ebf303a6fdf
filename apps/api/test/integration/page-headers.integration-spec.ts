import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Api, http, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Issue 16, item 10: the dashboard sent no CSP or frame-ancestors (it rendered, with Approve/Hide, inside a foreign
// frame), /reader.html lacked the reader page's CSP, and source maps were served. Real: the HTTP app as main.ts
// builds it, serving a dashboard folder this spec writes (a page, the reader page, a script and its map).
const dir = mkdtempSync(join(tmpdir(), 'sift-dashboard-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Sift</title></head><body><div id="root"></div></body></html>');
writeFileSync(join(dir, 'reader.html'), '<!doctype html><html><head><title>Comments</title></head><body></body></html>');
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log("sift");\n');
writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/main.tsx"],"mappings":""}');

describe('security headers of the pages', () => {
  let api: Api;
  const saved = { ...process.env };
  beforeAll(async () => {
    Object.assign(process.env, { DASHBOARD_DIR: dir, CORS_ORIGINS: 'https://news.example' });
    api = await startApi();
    await resetDatabase(api.ds);
  });
  afterAll(async () => {
    await api.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const csp = (h: Headers) => Object.fromEntries((h.get('content-security-policy') ?? '').split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it('the dashboard: framed by nobody, same-origin scripts and requests only', async () => {
    for (const path of ['/', '/index.html', '/assets/index-abc.js']) {
      const res = await http(`${api.url}${path}`, 'GET');
      expect(res.status).toBe(200);
      expect(csp(res.headers)).toMatchObject({ 'frame-ancestors': "'none'", 'script-src': "'self'", 'connect-src': "'self'", 'object-src': "'none'", 'default-src': "'self'" });
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('/reader.html gets the reader page’s CSP (framable by the publishers), as /read/:id does', async () => {
    await putArticle(api, 'headers-1');
    const file = await http(`${api.url}/reader.html`, 'GET');
    const page = await http(`${api.url}/read/headers-1`, 'GET');
    expect(file.status).toBe(200);
    expect(csp(file.headers)).toEqual(csp(page.headers));
    expect(csp(file.headers)).toMatchObject({ 'default-src': "'none'", 'frame-ancestors': "'self' https://news.example", 'form-action': "'none'" });
    expect(file.headers.get('x-frame-options')).toBeNull();
  });

  it('source maps are not served', async () => {
    const res = await http(`${api.url}/assets/index-abc.js.map`, 'GET');
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('mappings');
  });

  // The build tier (npm test) builds it before this tier; run alone without a build, there is nothing to check.
  const prod = join(__dirname, '../../../../dist/apps/dashboard');
  (existsSync(join(prod, 'index.html')) ? it : it.skip)('the production build has no source maps and points to none', () => {
    const files = readdirSync(prod, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.js'))) expect(readFileSync(join(prod, f), 'utf8')).not.toContain('sourceMappingURL');
  });
});
