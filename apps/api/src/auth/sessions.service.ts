import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@sift/shared';
import { isUUID } from 'class-validator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from './current-user.js';

/** How long a session's "still open, its user still enabled" answer is reused per process (docs/operations.md). */
export const SESSION_CHECK_TTL_MS = 5_000;
/**
 * After a rotation, the refresh token it replaced still renews the access token (without rotating again) for this
 * long: two tabs of one browser refreshing at the same moment both send the old cookie. Later, it is a reuse.
 */
export const ROTATION_GRACE_SECONDS = 30;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A refresh token: `<session id>.<secret>`; only the secret's hash is stored. */
function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

interface SessionRow {
  id: string;
  refresh_hash: string;
  previous_hash: string | null;
  rotated_ago_s: number;
  idle_s: number;
  expired: boolean;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  idle_minutes: number;
}

/**
 * Staff sessions (table `staff_sessions`): a login opens one, every access token names it (`sid`), a rotating
 * refresh token (an HttpOnly cookie) renews its access tokens, logging out or reusing an old refresh token ends it.
 * Postgres holds them, not Redis: a Redis that restarts empty must not bring a revoked session back.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Recent answers to "is this session open and its user enabled?", by session id (per process, a few seconds). */
  private readonly checked = new Map<string, { user: AuthUser | null; until: number }>();

  /** Opens a session for the user; returns its id and first refresh token. */
  async open(userId: string, maxAgeSeconds: number): Promise<{ sid: string; refreshToken: string }> {
    const { secret, hash } = newSecret();
    const [row]: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO staff_sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
      [userId, hash, maxAgeSeconds],
    );
    return { sid: row.id, refreshToken: `${row.id}.${secret}` };
  }

  /**
   * Renews a session from its refresh token (docs/operations.md "Sessions"): the current token is rotated (a new
   * one returned); the one it replaced, within ROTATION_GRACE_SECONDS, renews without rotating; any older one is a
   * reuse — someone else holds a copy — and ends the session. A session idle longer than the site's limit (time
   * since the last refresh the dashboard marked `active`) ends too. `active` moves the idle clock.
   */
  async refresh(refreshToken: string, active: boolean): Promise<{ user: AuthUser; sid: string; refreshToken?: string }> {
    const dot = refreshToken.indexOf('.');
    const sid = refreshToken.slice(0, dot);
    if (dot < 0 || !isUUID(sid)) throw new UnauthorizedException('the refresh cookie is not one of ours: sign in again');
    const hash = sha256(refreshToken.slice(dot + 1));
    const outcome = await this.ds.transaction(async (m): Promise<{ ended: string } | { user: AuthUser; refreshToken?: string }> => {
      const [s]: SessionRow[] = await m.query(
        `SELECT s.id, s.refresh_hash, s.previous_hash, extract(epoch FROM now() - s.rotated_at)::float8 AS rotated_ago_s,
                extract(epoch FROM now() - s.last_active_at)::float8 AS idle_s, s.expires_at <= now() AS expired, s.revoked_at,
                u.id AS user_id, u.email, u.name, u.role, u.disabled,
                (SELECT session_idle_minutes FROM site_settings WHERE id = 1) AS idle_minutes
           FROM staff_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 FOR UPDATE OF s`,
        [sid],
      );
      if (!s || s.revoked_at) return { ended: 'this session has ended (signed out): sign in again' };
      const end = async (reason: string, message: string) => {
        await m.query(`UPDATE staff_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [sid, reason]);
        return { ended: message };
      };
      if (s.expired) return end('expired', 'this session has reached its maximum length: sign in again');
      if (s.disabled) return end('disabled', 'this account is disabled');
      const current = hash === s.refresh_hash;
      const justReplaced = hash === s.previous_hash && s.rotated_ago_s <= ROTATION_GRACE_SECONDS;
      if (!current && !justReplaced) return end('refresh token reused', 'this sign-in was used from somewhere else, so it was ended for safety: sign in again');
      if (s.idle_s > s.idle_minutes * 60) return end('idle', `signed out after ${s.idle_minutes} minutes without activity: sign in again`);
      const user: AuthUser = { id: s.user_id, email: s.email, name: s.name, role: s.role };
      if (!current) {
        if (active) await m.query(`UPDATE staff_sessions SET last_active_at = now() WHERE id = $1`, [sid]);
        return { user };
      }
      const next = newSecret();
      await m.query(
        `UPDATE staff_sessions SET previous_hash = refresh_hash, refresh_hash = $2, rotated_at = now(),
                last_active_at = CASE WHEN $3 THEN now() ELSE last_active_at END WHERE id = $1`,
        [sid, next.hash, active],
      );
      return { user, refreshToken: `${sid}.${next.secret}` };
    });
    if ('ended' in outcome) {
      this.checked.delete(sid);
      throw new UnauthorizedException(outcome.ended);
    }
    return { ...outcome, sid };
  }

  /** The session a refresh token names when the token is its current or just-replaced one; else null. */
  async sessionOf(refreshToken: string): Promise<string | null> {
    const dot = refreshToken.indexOf('.');
    const sid = refreshToken.slice(0, dot);
    if (dot < 0 || !isUUID(sid)) return null;
    const hash = sha256(refreshToken.slice(dot + 1));
    const [row]: Array<{ id: string }> = await this.ds.query(`SELECT id FROM staff_sessions WHERE id = $1 AND (refresh_hash = $2 OR previous_hash = $2)`, [sid, hash]);
    return row?.id ?? null;
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
