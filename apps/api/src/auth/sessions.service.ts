import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@sift/shared';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AuthUser } from './current-user.js';

/** How long a session's "still open, its user still enabled" answer is reused per process (docs/operations.md). */
export const SESSION_CHECK_TTL_MS = 5_000;

/**
 * Staff sessions (table `staff_sessions`): a login opens one, every access token names it (`sid`), logging out
 * revokes it. Postgres holds them, not Redis: a Redis that restarts empty must not bring a revoked session back.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Recent answers to "is this session open and its user enabled?", by session id (per process, a few seconds). */
  private readonly checked = new Map<string, { user: AuthUser | null; until: number }>();

  /** Opens a session for the user; `refreshHash` is the SHA-256 of its first refresh token. */
  async open(userId: string, refreshHash: string, maxAgeSeconds: number): Promise<string> {
    const [row]: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO staff_sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
      [userId, refreshHash, maxAgeSeconds],
    );
    return row.id;
  }

  /** Ends the session: its access tokens stop (at once on this process, within SESSION_CHECK_TTL_MS on others). */
  async revoke(sessionId: string, reason: string): Promise<void> {
    if (!isUUID(sessionId)) return;
    await this.ds.query(`UPDATE staff_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
    this.checked.delete(sessionId);
  }

  /** The user of an open, unexpired session whose user exists and is enabled; else null. Role and name as stored. */
  async activeUser(sessionId: string, userId: string): Promise<AuthUser | null> {
    if (!isUUID(sessionId) || !isUUID(userId)) return null;
    const now = Date.now();
    const hit = this.checked.get(sessionId);
    if (hit && hit.until > now) return hit.user?.id === userId ? hit.user : null;
    const [row]: Array<{ id: string; email: string; name: string; role: Role }> = await this.ds.query(
      `SELECT u.id, u.email, u.name, u.role FROM staff_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionId],
    );
    const user = row ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
    if (this.checked.size > 10_000) this.checked.clear();
    this.checked.set(sessionId, { user, until: now + SESSION_CHECK_TTL_MS });
    return user?.id === userId ? user : null;
  }
}
