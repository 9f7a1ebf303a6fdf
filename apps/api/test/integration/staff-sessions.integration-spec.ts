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

  // Issue 16, item 9: the dashboard token lasted 900 s and nothing renewed it; at 15 min 52 s the queue jumped to the login page.
  describe('renewal with the refresh cookie', () => {
    const cookieOf = (res: HttpResult) => /sift_refresh=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const refresh = (cookie: string | undefined, active = true) =>
      http<{ accessToken: string; expiresIn: number; message?: string }>(`${api.url}/api/auth/refresh`, 'POST', { active }, cookie === undefined ? {} : { cookie: `sift_refresh=${cookie}` });
    const signIn = async (email: string, role: 'admin' | 'moderator' = 'moderator') => {
      await loginAs(api, role, email);
      const res = await login(email);
      return { res, cookie: cookieOf(res)!, bearer: { authorization: `Bearer ${res.body.accessToken}` } };
    };
    const sessionOf = async (email: string) => (await api.ds.query(`SELECT s.* FROM staff_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1`, [email]))[0];

    it('a sign-in sets an HttpOnly, SameSite=Strict cookie for /api/auth; a refresh rotates it and gives a working access token', async () => {
      const { res, cookie } = await signIn('renewing@test.local');
      expect(res.headers.get('set-cookie')).toMatch(/^sift_refresh=[^;]+; Path=\/api\/auth; Max-Age=43200; HttpOnly; SameSite=Strict$/);
      const renewed = await refresh(cookie);
      expect(renewed.status).toBe(200);
      const next = cookieOf(renewed);
      expect(next).toBeDefined();
      expect(next).not.toBe(cookie);
      expect((await me({ authorization: `Bearer ${renewed.body.accessToken}` })).status).toBe(200);
      expect((await refresh(next)).status).toBe(200);
    });

    it('an old refresh token used again after the grace period ends the session: every token of it stops', async () => {
      const { cookie, bearer } = await signIn('copied@test.local');
      const renewed = await refresh(cookie);
      const current = cookieOf(renewed)!;
      // Right after a rotation the old one still renews (two tabs refreshing at once), without rotating again.
      const twin = await refresh(cookie);
      expect([twin.status, cookieOf(twin)]).toEqual([200, undefined]);
      await api.ds.query(`UPDATE staff_sessions SET rotated_at = now() - interval '5 minutes' WHERE id = $1`, [(await sessionOf('copied@test.local')).id]);
      const reused = await refresh(cookie);
      expect([reused.status, reused.body.message]).toEqual([401, expect.stringContaining('used from somewhere else')]);
      expect(reused.headers.get('set-cookie')).toMatch(/^sift_refresh=; .*Max-Age=0/);
      expect((await refresh(current)).status).toBe(401);
      expect((await me({ authorization: `Bearer ${renewed.body.accessToken}` })).status).toBe(401);
      expect((await me(bearer)).status).toBe(401);
      expect((await sessionOf('copied@test.local')).revoked_reason).toBe('refresh token reused');
    });

    it('the idle limit an admin sets: a session unused longer ends at its next renewal; background renewals do not count as use', async () => {
      const admin = await loginAs(api, 'admin', 'sets-idle@test.local');
      const saved = await http<{ sessionIdleMinutes: number }>(`${api.url}/api/settings`, 'PUT', { sessionIdleMinutes: 30 }, admin);
      expect([saved.status, saved.body.sessionIdleMinutes]).toEqual([200, 30]);
      const tooShort = await http<{ message: string }>(`${api.url}/api/settings`, 'PUT', { sessionIdleMinutes: 1 }, admin);
      expect([tooShort.status, tooShort.body.message]).toEqual([400, expect.stringContaining('sessionIdleMinutes')]);

      const { cookie } = await signIn('idle@test.local');
      const { id } = await sessionOf('idle@test.local');
      await api.ds.query(`UPDATE staff_sessions SET last_active_at = now() - interval '20 minutes' WHERE id = $1`, [id]);
      const background = await refresh(cookie, false); // within 30 minutes: renewed, but the idle clock stays
      expect(background.status).toBe(200);
      await api.ds.query(`UPDATE staff_sessions SET last_active_at = last_active_at - interval '15 minutes' WHERE id = $1`, [id]);
      const ended = await refresh(cookieOf(background), false);
      expect([ended.status, ended.body.message]).toEqual([401, 'signed out after 30 minutes without activity: sign in again']);

      const active = await signIn('busy@test.local');
      const busy = await sessionOf('busy@test.local');
      await api.ds.query(`UPDATE staff_sessions SET last_active_at = now() - interval '20 minutes' WHERE id = $1`, [busy.id]);
      const used = await refresh(active.cookie, true); // the moderator used the page: the idle clock starts again
      await api.ds.query(`UPDATE staff_sessions SET last_active_at = last_active_at - interval '15 minutes' WHERE id = $1`, [busy.id]);
      expect((await refresh(cookieOf(used), false)).status).toBe(200);
    });

    it('no cookie, a forged one, or one of a logged-out session is a 401 saying so; logout with the cookie alone ends it', async () => {
      const none = await refresh(undefined);
      expect([none.status, none.body.message]).toEqual([401, expect.stringContaining('no refresh cookie')]);
      expect((await refresh('not-a-session.secret')).status).toBe(401);
      const { cookie, bearer } = await signIn('cookie-logout@test.local');
      expect((await refresh(`${(await sessionOf('cookie-logout@test.local')).id}.guessed-secret`)).status).toBe(401);
      const out = await http(`${api.url}/api/auth/logout`, 'POST', undefined, { cookie: `sift_refresh=${cookie}` });
      expect(out.status).toBe(204);
      expect((await me(bearer)).status).toBe(401);
      const after = await refresh(cookie);
      expect([after.status, after.body.message]).toEqual([401, expect.stringContaining('has ended')]);
    });
  });
});
