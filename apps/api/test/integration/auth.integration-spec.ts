import { JwtService } from '@nestjs/jwt';
import { type Api, http, loginAs, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: the HTTP app, Postgres (users with argon2 hashes), JWTs signed with this run's secret.
describe('auth and roles', () => {
  let api: Api;
  const ADMIN = { email: 'first-admin@test.local', password: 'bootstrap password 1' };

  beforeAll(async () => {
    process.env.ADMIN_EMAIL = ADMIN.email;
    process.env.ADMIN_PASSWORD = ADMIN.password;
    const { DataSource } = await import('typeorm');
    const { loadConfig } = await import('../../src/core/config/config.js');
    const { dataSourceOptions } = await import('../../src/data-source.js');
    const ds = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    await resetDatabase(ds); // before the app starts: its bootstrap creates the first admin
    await ds.destroy();
    api = await startApi();
  });
  afterAll(() => api.close());

  const login = (email: string, password: string) => http<{ accessToken: string; user: { role: string } }>(`${api.url}/api/auth/login`, 'POST', { email, password });
  const list = (headers: Record<string, string> = {}) => http(`${api.url}/api/moderation/comments`, 'GET', undefined, headers);

  it('the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, stored as an argon2id hash', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
    const [row] = await api.ds.query(`SELECT password_hash FROM users WHERE email = $1`, [ADMIN.email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('wrong password and unknown email get the same 401', async () => {
    const wrong = await login(ADMIN.email, 'not the password');
    const unknown = await login('nobody@test.local', 'whatever password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('login validates its input', async () => {
    const res = await http<{ message: string }>(`${api.url}/api/auth/login`, 'POST', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('email');
  });

  it('staff endpoints need a valid, unexpired token', async () => {
    expect((await list()).status).toBe(401);
    expect((await list({ authorization: 'Bearer nonsense' })).status).toBe(401);
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({ sub: 'u', role: 'admin' }, { issuer: 'sift' });
    expect((await list({ authorization: `Bearer ${forged}` })).status).toBe(401);
    const expired = await new JwtService({ secret: process.env.JWT_SECRET }).signAsync(
      { sub: 'u', email: 'e', name: 'n', role: 'admin' },
      { issuer: 'sift', expiresIn: -10 },
    );
    const res = await list({ authorization: `Bearer ${expired}` });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toContain('log in again');
  });

  it('a disabled user cannot log in', async () => {
    await loginAs(api, 'moderator', 'soon-gone@test.local');
    await api.ds.query(`UPDATE users SET disabled = true WHERE email = 'soon-gone@test.local'`);
    expect((await login('soon-gone@test.local', 'correct horse battery staple')).status).toBe(401);
  });

  it('moderators get 403 on admin endpoints, which admins can use', async () => {
    const moderator = await loginAs(api, 'moderator', 'mod@test.local');
    expect((await list(moderator)).status).toBe(200);
    const denied = await http(`${api.url}/api/users`, 'GET', undefined, moderator);
    expect(denied.status).toBe(403);
    const admin = { authorization: `Bearer ${(await login(ADMIN.email, ADMIN.password)).body.accessToken}` };
    const created = await http<{ role: string }>(`${api.url}/api/users`, 'POST', { email: 'New@Test.local', name: 'New', password: 'long enough password', role: 'moderator' }, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new@test.local', role: 'moderator' });
    const dup = await http(`${api.url}/api/users`, 'POST', { email: 'new@test.local', name: 'New', password: 'long enough password', role: 'moderator' }, admin);
    expect(dup.status).toBe(409);
    const short = await http<{ message: string }>(`${api.url}/api/users`, 'POST', { email: 'x@test.local', name: 'X', password: 'short', role: 'moderator' }, admin);
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('password');
  });

  it('health and docs are public', async () => {
    expect((await http(`${api.url}/health`, 'GET')).status).toBe(200);
    expect((await http(`${api.url}/health/live`, 'GET')).status).toBe(200);
    const docs = await http<{ paths: Record<string, unknown> }>(`${api.url}/api/docs-json`, 'GET');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/articles/{externalId}/comments', '/api/auth/login']));
  });
});
