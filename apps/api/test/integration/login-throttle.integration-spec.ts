import { randomBytes } from 'node:crypto';
import { type Api, type HttpResult, postFrom, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';
import { UsersService } from '../../src/auth/users.service.js';

// Real: two API instances (two replicas) sharing Postgres and Redis, with the default per-account limit (5 free
// failures) and 4 free failures per network. Each client is its own loopback address (127.0.0.x), so each test has
// a network of its own. Issue 16, item 5: 60 wrong passwords, then the right one, were all answered (the last 200).
describe('sign-in throttling', () => {
  let a: Api;
  let b: Api;
  const saved = { ...process.env };
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    Object.assign(process.env, {
      LOGIN_FREE_FAILURES_PER_ACCOUNT: '5',
      LOGIN_FREE_FAILURES_PER_NETWORK: '4',
      LOGIN_HASH_CONCURRENCY: '2',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:login-${randomBytes(3).toString('hex')}`,
    });
    a = await startApi();
    b = await startApi();
    await resetDatabase(a.ds);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    process.env = saved;
  });

  const user = (email: string, role: 'admin' | 'moderator' = 'moderator') => a.app.get(UsersService).create({ email, name: email, password, role });
  const login = (api: Api, from: string, email: string, pw: string) =>
    postFrom(from, `${api.url}/api/auth/login`, { email, password: pw }) as Promise<HttpResult<{ message: string; accessToken?: string }>>;

  it('per account, across replicas: after 5 free failures the next attempt waits, 429 + Retry-After, even with the right password', async () => {
    await user('target@test.local', 'admin');
    const statuses: number[] = [];
    let last: HttpResult<{ message: string }> | undefined;
    for (let i = 0; i < 60; i++) {
      last = await login(i % 2 ? b : a, `127.0.1.${1 + (i % 3)}`, 'Target@test.local', `wrong password ${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(6))).toEqual(new Set([429]));
    expect(last?.body.message).toMatch(/^too many failed sign-ins for this account: try again in \d+ seconds?$/);
    const right = await login(a, '127.0.1.9', 'target@test.local', password);
    expect([right.status, right.body.message]).toEqual([429, expect.stringContaining('this account')]);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account on the same networks is not held back.
    await user('colleague@test.local');
    expect((await login(b, '127.0.1.1', 'colleague@test.local', password)).status).toBe(200);
  });

  it('a success forgets the account’s failures', async () => {
    await user('forgetful@test.local');
    for (let i = 0; i < 4; i++) expect((await login(a, '127.0.2.1', 'forgetful@test.local', 'nope nope')).status).toBe(401);
    expect((await login(a, '127.0.2.2', 'forgetful@test.local', password)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(b, '127.0.2.3', 'forgetful@test.local', 'nope nope')).status).toBe(401);
  });

  it('per network: failures against many accounts from one address make that network wait; other networks sign in', async () => {
    await user('real@test.local');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(i % 2 ? a : b, '127.0.3.1', `guess${i}@test.local`, 'password123')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const held = await login(a, '127.0.3.1', 'real@test.local', password);
    expect([held.status, held.body.message]).toEqual([429, expect.stringMatching(/^too many failed sign-ins from your network: try again in \d+ seconds?$/)]);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(a, '127.0.3.2', 'real@test.local', password)).status).toBe(200);
  });

  it('a flood of concurrent bogus sign-ins from one network is turned away at once; a real sign-in elsewhere gets through', async () => {
    await user('on-shift@test.local', 'admin');
    const flood = Array.from({ length: 16 }, (_, i) => login(i % 2 ? a : b, '127.0.4.1', `bogus${i}@test.local`, 'hunter2 hunter2'));
    const real = login(a, '127.0.4.2', 'on-shift@test.local', password);
    const answers = await Promise.all(flood);
    expect((await real).status).toBe(200);
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const turnedAway = answers.filter((r) => r.status === 429 && r.body.message.startsWith('a sign-in from your network is being checked'));
    expect(turnedAway.length).toBeGreaterThan(0);
    expect(turnedAway.every((r) => r.headers.get('retry-after') === '1')).toBe(true);
    // At most 2 per process were checked at once: never more password checks than the two replicas' slots.
    expect(answers.filter((r) => r.status === 401).length).toBeLessThan(16);
  });
});
