import { createHmac } from 'node:crypto';

/** The browser stack's publisher secret for signed author tokens (AUTHOR_TOKEN_SECRETS=browser:<this>). */
export const AUTHOR_SECRET = 'browser-spec-author-token-secret-0123456789';
export const AUTHOR_PUBLISHER = 'browser';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** A signed author token as a publisher's server mints one (HS256 JWT; docs/reader.md "Signed-in readers"). */
export function mintAuthorToken(sub: string, name: string, ttlSeconds = 3600): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: AUTHOR_PUBLISHER }));
  const payload = b64url(JSON.stringify({ sub, name, exp: Math.floor(Date.now() / 1000) + ttlSeconds }));
  const signature = b64url(createHmac('sha256', AUTHOR_SECRET).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}
