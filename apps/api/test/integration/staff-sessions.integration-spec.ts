import { type HttpResult, http, loginAs, useStack } from '../utils/harness.js';

// Real: the HTTP app as main.ts builds it, Postgres (staff_sessions) and Redis. Issue 16, items 4 and 9.
describe('staff sessions', () => {
  const { api } = useStack();

  const me = (headers: Record<string, string>) => http(`${api.url}/api/auth/me`, 'GET', undefined, headers);
  const logout = (headers: Record<string, string> = {}) => http<{ message?: string }>(`${api.url}/api/auth/logout`, 'POST', undefined, headers);
  const login = (email: string) =>
    http<{ accessToken: string }>(`${api.url}/api/auth/login`, 'POST', { email, password: 'correct horse battery staple' });

  it('POST /api/auth/logout revokes the token: the same token is a 401 afterwards; the user’s other session stays', async () => {
    const first = await loginAs(api, 'moderator', 'leaving@test.local');
    const second = await login('leaving@test.local');
    const other = { authorization: `Bearer ${second.body.accessToken}` };
    expect((await me(first)).status).toBe(200);
    expect((await logout(first)).status).toBe(204);
    const after = (await me(first)) as HttpResult<{ message: string }>;
    expect([after.status, after.body.message]).toEqual([401, expect.stringContaining('session has ended')]);
    expect((await http(`${api.url}/api/moderation/comments`, 'GET', undefined, first)).status).toBe(401);
    expect((await me(other)).status).toBe(200);
    expect((await logout(first)).status).toBe(204); // twice: nothing left to end, still fine
  });

  it('a logout without a token, or with one that is not ours, is a 401 that says so and ends nothing', async () => {
    const session = await loginAs(api, 'admin', 'stays@test.local');
    const none = await logout();
    expect([none.status, none.body.message]).toEqual([401, expect.stringContaining('Bearer')]);
    const bad = await logout({ authorization: 'Bearer not.a.token' });
    expect([bad.status, bad.body.message]).toEqual([401, expect.stringContaining('invalid')]);
    expect((await me(session)).status).toBe(200);
  });
});
