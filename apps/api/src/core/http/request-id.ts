import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a caller's `X-Request-Id` may be: short and plain, so it can be echoed, logged and grepped as it is. */
const ACCEPTED = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id for Fastify, the pino logs and the triage job: the caller's `X-Request-Id` when it is 1–64 of
 * `A-Z a-z 0-9 . _ -`, else a new UUID (anything else — HTML, kilobytes, line breaks — is never echoed or logged).
 * The chosen id is written back into the request's headers, where the logger reads it.
 */
export function requestIdOf(raw: { headers: IncomingMessage['headers'] }): string {
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
  raw.headers['x-request-id'] = id;
  return id;
}
