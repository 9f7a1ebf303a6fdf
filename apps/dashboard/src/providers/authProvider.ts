import type { LoginResponse, Role } from '@sift/shared';
import type { AuthProvider } from 'react-admin';

/**
 * Staff sign-in against the Sift API. The short-lived access token and the user it belongs to are kept in
 * localStorage; an expired token, or any 401 from the API, signs the user out.
 */
const SESSION_KEY = 'sift.session';
const LOGIN_URL = '/api/auth/login';
const PERMISSIONS_DELAY_MS = 50;

interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: LoginResponse['user'];
}

function readSession(): Session | null {
  const raw = localStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== 'string' || session.expiresAt <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

/** The bearer token for API calls, or null when signed out (or the token has expired). */
export function getAccessToken(): string | null {
  return readSession()?.accessToken ?? null;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (Array.isArray(body.message)) return body.message.join('; ');
  } catch {
    // not JSON: fall through to the status line
  }
  return res.status === 401 ? 'wrong email or password' : `sign-in failed (HTTP ${res.status})`;
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
  if (readSession()) return;
  const route = location.hash.replace(/^#/, '') || '/';
  if (route === '/login' || route.startsWith('/login?')) return;
  const next = safeNextRoute(route);
  location.replace(next && next !== '/' ? `#/login?next=${encodeURIComponent(next)}` : '#/login');
}

/** Work to finish with the session's token before signing out (the decisions still held for undo are sent). */
const beforeSignOut = new Set<() => Promise<unknown>>();
export function onBeforeSignOut(task: () => Promise<unknown>): void {
  beforeSignOut.add(task);
}

export const authProvider: AuthProvider = {
  async login(params: { email?: string; password?: string }) {
    const res = await fetch(LOGIN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: params.email ?? '', password: params.password ?? '' }),
    });
    if (!res.ok) throw new Error(await errorMessage(res));
    const body = (await res.json()) as LoginResponse;
    const session: Session = {
      accessToken: body.accessToken,
      expiresAt: Date.now() + body.expiresIn * 1000,
      user: body.user,
    };
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  },

  /** Ends the session on the server too (POST /api/auth/logout), so the token stops working at once. */
  async logout() {
    if (readSession()) await Promise.allSettled([...beforeSignOut].map((task) => task()));
    const token = getAccessToken();
    localStorage.removeItem(SESSION_KEY);
    if (token) await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
  },

  /** No session: straight to the login page, quietly. An expired one: the login page with a notice. */
  async checkAuth() {
    if (readSession()) return;
    const hadSession = localStorage.getItem(SESSION_KEY) !== null;
    localStorage.removeItem(SESSION_KEY);
    throw hadSession ? new Error('Your session has expired: please sign in again') : { message: false };
  },

  /** The API refused the token (expired, revoked, signed with another secret): sign out. 403 keeps the session. */
  async checkError(error: { status?: number }) {
    if (error.status === 401) throw new Error('ra.notification.logged_out');
  },

  async getIdentity() {
    const session = readSession();
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
    return readSession()?.user.role;
  },
};
