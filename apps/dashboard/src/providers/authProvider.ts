import type { LoginResponse, Role } from '@sift/shared';
import type { AuthProvider } from 'react-admin';
import { clearSession, errorMessage, saveSession, sessionEnded, storedSession } from './session';

/**
 * Staff sign-in against the Sift API. The session (the short-lived access token and its user) is kept by
 * session.ts, which renews the token with the refresh cookie and, when the session has ended, asks to sign in
 * again in a dialog over the page (SessionDialog) instead of leaving it.
 */
const LOGIN_URL = '/api/auth/login';
const PERMISSIONS_DELAY_MS = 50;

/** The stored bearer token (maybe expired: the API calls go through freshAccessToken), or null when signed out. */
export function getAccessToken(): string | null {
  return storedSession()?.accessToken ?? null;
}

/** Where a signed-out visitor was going, carried through the login page as `#/login?next=…` (a route, never a URL). */
export function safeNextRoute(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return undefined;
  return next;
}

/**
 * Before the app mounts: a visitor with no session goes straight to the login page, replacing the current history
 * entry (one redirect, no entry to go Back into). Without this, react-admin sends them there from inside the
 * router (its LogoutOnMount route), whose navigation is a push that can run twice as its queries settle.
 */
export function redirectAnonymousToLogin(location: Location): void {
  if (storedSession()) return;
  const route = location.hash.replace(/^#/, '') || '/';
  if (route === '/login' || route.startsWith('/login?')) return;
  const next = safeNextRoute(route);
  location.replace(next && next !== '/' ? `#/login?next=${encodeURIComponent(next)}` : '#/login');
}

/**
 * Work to finish with the session's token before signing out (the decisions still held for undo are sent; the open
 * card's presence says goodbye). Answers a function that takes the task back.
 */
const beforeSignOut = new Set<() => Promise<unknown>>();
export function onBeforeSignOut(task: () => Promise<unknown>): () => void {
  beforeSignOut.add(task);
  return () => void beforeSignOut.delete(task);
}

export const authProvider: AuthProvider = {
  async login(params: { email?: string; password?: string }) {
    const res = await fetch(LOGIN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: params.email ?? '', password: params.password ?? '' }),
    });
    if (!res.ok) throw new Error(await errorMessage(res, res.status === 401 ? 'wrong email or password' : `sign-in failed (HTTP ${res.status})`));
    saveSession((await res.json()) as LoginResponse);
  },

  /**
   * Ends the session on the server too (POST /api/auth/logout, with the token and the refresh cookie), so its tokens
   * stop working at once. Decisions still held for undo are sent first, unless the session has already ended.
   */
  async logout() {
    if (storedSession() && !sessionEnded()) await Promise.allSettled([...beforeSignOut].map((task) => task()));
    const token = getAccessToken();
    clearSession();
    // Without a token (signed out already: react-admin's checks call this again) the API could only answer 401.
    if (token) await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
  },

  /** No session: straight to the login page, quietly. An expired token is no reason: the next call renews it. */
  async checkAuth() {
    if (storedSession()) return;
    throw { message: false };
  },

  /**
   * A 401 that got past the renewal (the API calls renew and retry once, and wait for the sign-in dialog when the
   * session has ended): sign out. 403 keeps the session.
   */
  async checkError(error: { status?: number }) {
    if (error.status === 401) throw new Error('ra.notification.logged_out');
  },

  async getIdentity() {
    const session = storedSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.user.id, fullName: session.user.name, email: session.user.email };
  },

  /**
   * The role. Answers after a short delay on purpose: when it resolves at once, react-admin 5.15's logout (store
   * reset, then a delayed navigation to /login) races the permissions query and re-mounts LogoutOnMount in a loop,
   * pushing thousands of #/login history entries for ~15 s before the login form settles (react-admin #10764).
   */
  async getPermissions(): Promise<Role | undefined> {
    await new Promise((resolve) => setTimeout(resolve, PERMISSIONS_DELAY_MS));
    return storedSession()?.user.role;
  },
};
