import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * A reader's private token for their own comment: 32 random bytes (base64url, 43 characters), handed out once by
 * intake. Only its SHA-256 is stored (`reader_tokens`), so a database leak does not reveal anyone's tokens.
 */
export const READER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newReaderToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashReaderToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token for `commentId` (in the caller's transaction) and returns it; only the hash is written. */
export async function issueReaderToken(m: EntityManager, commentId: string): Promise<string> {
  const token = newReaderToken();
  await m.query(`INSERT INTO reader_tokens (token_hash, comment_id) VALUES ($1, $2)`, [hashReaderToken(token), commentId]);
  return token;
}
