import type { LoginResponse } from '@sift/shared';

/**
 * The staff session in the browser (docs/operations.md, "Sessions"). The short-lived access token and its user are
 * kept in localStorage; the refresh token is an HttpOnly cookie the page never sees. When the access token is about
 * to expire, the next API call first renews it (POST /api/auth/refresh, which rotates the cookie); when the session
 * has ended (idle too long, signed out elsewhere, disabled), the sign-in dialog opens over the page and the call waits
 * for it — the moderator keeps their place, and what they were doing goes on once they have signed in again.
 */
const SESSION_KEY = 'sift.session';
const REFRESH_URL = '/api/auth/refresh';
/** Renew this long before the token expires (at most a quarter of its life), so a request never carries one that lapses on the way. */
const RENEW_AHEAD_MS = 5_000;

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  /** The token's lifetime in milliseconds. */
  ttlMs: number;
  user: LoginResponse['user'];
}

/** The stored session, expired or not (null when signed out). */
export function storedSession(): Session | null {
  const raw = localStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return typeof session.accessToken === 'string' && typeof session.expiresAt === 'number' && session.user ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(body: LoginResponse): void {
  const session: Session = { accessToken: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000, ttlMs: body.expiresIn * 1000, user: body.user };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

/** The API's message of a failed answer, or a fallback. */
export async function errorMessage(res: Response, fallback: string): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (Array.isArray(body.message)) return body.message.join('; ');
  } catch {
    // not JSON
  }
  return fallback;
}

/** Did the moderator use the page (keys, pointer, wheel) since the last renewal? The server's idle clock moves only then. */
let activeSinceRenewal = true;
if (typeof window !== 'undefined') {
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    window.addEventListener(type, () => (activeSinceRenewal = true), { capture: true, passive: true });
  }
}

/** The sign-in dialog's state: the reason it is open, and the calls waiting for a new token. */
type Listener = (reason: string | null) => void;
const listeners = new Set<Listener>();
let dialogReason: string | null = null;
let waiting: Array<(token: string) => void> = [];

/** The session has ended and the dialog is asking to sign in again. */
export const sessionEnded = (): boolean => dialogReason !== null;

export function onSignInRequest(listener: Listener): () => void {
  listeners.add(listener);
  listener(dialogReason);
  return () => listeners.delete(listener);
}

function askToSignIn(reason: string): Promise<string> {
  dialogReason = reason;
  listeners.forEach((l) => l(reason));
  return new Promise((resolve) => waiting.push(resolve));
}

/** The dialog signed in again: the waiting calls go on with the new token. */
export function signedInAgain(body: LoginResponse): void {
  saveSession(body);
  activeSinceRenewal = false;
  dialogReason = null;
  listeners.forEach((l) => l(null));
  const resolve = waiting;
  waiting = [];
  resolve.forEach((r) => r(body.accessToken));
}

let renewing: Promise<string> | null = null;

/** A renewed access token (one request at a time per page); when the session has ended, after the dialog. */
export function renewAccessToken(): Promise<string> {
  renewing ??= (async () => {
    const active = activeSinceRenewal;
    activeSinceRenewal = false;
    const res = await fetch(REFRESH_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ active }),
    });
    if (res.ok) {
      const body = (await res.json()) as LoginResponse;
      saveSession(body);
      return body.accessToken;
    }
    activeSinceRenewal ||= active;
    if (res.status === 401) return askToSignIn(await errorMessage(res, 'Your session has ended: sign in again'));
    throw new Error(await errorMessage(res, `renewing the session failed (HTTP ${res.status})`));
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

/** The stored access token while it is good for a call as it stands (not about to expire, the session not ended); else null. */
export function usableAccessToken(): string | null {
  const session = storedSession();
  if (!session || dialogReason !== null) return null;
  return session.expiresAt - Date.now() > Math.min(RENEW_AHEAD_MS, (session.ttlMs ?? 0) / 4) ? session.accessToken : null;
}

/** A valid access token for an API call: the stored one, or a renewed one when it is about to expire. */
export async function freshAccessToken(): Promise<string> {
  const session = storedSession();
  if (!session) throw new Error('signed out');
  const usable = usableAccessToken();
  if (usable) return usable;
  if (dialogReason !== null) return new Promise((resolve) => waiting.push(resolve));
  return renewAccessToken();
}
