import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Api, http, loginAs, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: the HTTP app started as `npm start` starts it outside production — no JWT_SECRET — with Postgres and Redis.
// Issue 16, item 4: the probe forged an admin token with the secret that was written in the source.
const savedSecret = process.env.JWT_SECRET;
const dataDir = mkdtempSync(join(tmpdir(), 'sift-staff-tokens-'));
delete process.env.JWT_SECRET;
process.env.SIFT_DATA_DIR = dataDir;

/** The development secret that used to be in config.ts: public, so anyone could sign with it. */
const OLD_SOURCE_SECRET = 'sift-development-only-secret-do-not-use-in-production';

describe('staff tokens without JWT_SECRET (development)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.ds);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.env.JWT_SECRET = savedSecret;
  });

  const users = (token: string) => http(`${api.url}/api/users`, 'GET', undefined, { authorization: `Bearer ${token}` });
  const sign = (secret: string, claims: object, opts: { expiresIn?: number } = {}) => new JwtService({ secret }).signAsync(claims, { issuer: 'sift', ...opts });

  it('the probe’s forged token (public secret, role admin, made-up sub, no exp) reads nothing and creates no admin', async () => {
    const forged = await sign(OLD_SOURCE_SECRET, { sub: '7b0c1b64-0000-4000-8000-000000000001', email: 'x@evil.example', name: 'x', role: 'admin' });
    expect((await users(forged)).status).toBe(401);
    const created = await http(`${api.url}/api/users`, 'POST', { email: 'evil@evil.example', name: 'Evil', password: 'long enough password', role: 'admin' }, { authorization: `Bearer ${forged}` });
    expect(created.status).toBe(401);
    expect((await api.ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'evil@evil.example'`))[0].n).toBe(0);
  });

  it('signs with a random secret generated on first start and kept in SIFT_DATA_DIR; real logins work', async () => {
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const admin = await loginAs(api, 'admin', 'real-admin@test.local');
    expect((await http(`${api.url}/api/users`, 'GET', undefined, admin)).status).toBe(200);
    const token = admin.authorization.slice('Bearer '.length);
    expect(() => new JwtService({ secret }).verify(token, { issuer: 'sift' })).not.toThrow();
  });

  it('even with the real secret: a token without exp, or for a user who does not exist, is a 401', async () => {
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    const admin = await loginAs(api, 'admin', 'exp-admin@test.local');
    const me = await http<{ id: string }>(`${api.url}/api/auth/me`, 'GET', undefined, admin);
    const noExp = await sign(secret, { sub: me.body.id, email: 'exp-admin@test.local', name: 'a', role: 'admin' });
    const res = await http<{ message: string }>(`${api.url}/api/users`, 'GET', undefined, { authorization: `Bearer ${noExp}` });
    expect([res.status, res.body.message]).toEqual([401, expect.stringContaining('exp')]);
    const ghost = await sign(secret, { sub: '7b0c1b64-0000-4000-8000-000000000002', email: 'g@test.local', name: 'g', role: 'admin' }, { expiresIn: 600 });
    expect((await users(ghost)).status).toBe(401);
    const notUuid = await sign(secret, { sub: 'u', email: 'g@test.local', name: 'g', role: 'admin' }, { expiresIn: 600 });
    expect((await users(notUuid)).status).toBe(401);
  });

  it('the role is the stored one, and a disabled user’s token stops working within seconds', async () => {
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    const moderator = await loginAs(api, 'moderator', 'soon-disabled@test.local');
    const me = await http<{ id: string }>(`${api.url}/api/auth/me`, 'GET', undefined, moderator);
    const { sid } = new JwtService({ secret }).verify<{ sid: string }>(moderator.authorization.slice('Bearer '.length), { issuer: 'sift' });
    const promoted = await sign(secret, { sub: me.body.id, sid, email: 'soon-disabled@test.local', name: 'm', role: 'admin' }, { expiresIn: 600 });
    expect((await users(promoted)).status).toBe(403);
    await api.ds.query(`UPDATE users SET disabled = true WHERE id = $1`, [me.body.id]);
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      status = (await http(`${api.url}/api/auth/me`, 'GET', undefined, moderator)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(401); // within the guard's 5 s check interval (the loop gives it 20 s: no timing assertion)
  });
});
