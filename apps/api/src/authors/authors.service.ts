import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUTHOR_LIST_STATUSES, type AuthorListStatus, type AuthorRecord, type AuthorSuspensionRequest, type AuthorUpdateRequest } from '@sift/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '../core/http/list-query.js';

/** An author's suspension before a campaign's (all null: none), kept for the undo. */
export interface SuspensionBefore {
  key: string;
  until: string | null;
  message: string | null;
  by: string | null;
}

export interface AuthorFilter {
  /** Only authors on these lists; `none` = on no list. */
  status?: Array<AuthorListStatus | 'none'>;
  q?: string;
  id?: string[];
}

export const AUTHOR_SORTABLE = ['total', 'hidden', 'flagged', 'approved', 'lastSeenAt', 'firstSeenAt', 'displayName', 'status', 'updatedAt'] as const;
const SORT_COLUMN: Record<(typeof AUTHOR_SORTABLE)[number], string> = {
  total: 'total',
  hidden: 'hidden',
  flagged: 'flagged',
  approved: 'approved',
  lastSeenAt: 'last_seen_at',
  firstSeenAt: 'first_seen_at',
  displayName: 'display_name',
  status: 'status',
  updatedAt: 'updated_at',
};

export function parseAuthorFilter(raw: Record<string, unknown>): AuthorFilter {
  const f: AuthorFilter = {};
  for (const key of Object.keys(raw)) {
    if (!['status', 'q', 'id'].includes(key)) throw new BadRequestException(`filter.${key}: unknown filter; use status, q, id`);
  }
  if (raw.status !== undefined) {
    const list = Array.isArray(raw.status) ? raw.status : [raw.status];
    const allowed: readonly unknown[] = [...AUTHOR_LIST_STATUSES, 'none'];
    if (!list.every((s) => allowed.includes(s))) throw new BadRequestException(`filter.status: use ${allowed.join(', ')}`);
    if (list.length > 0) f.status = list as AuthorFilter['status'];
  }
  if (raw.q !== undefined) {
    if (typeof raw.q !== 'string' || raw.q.length > 200) throw new BadRequestException('filter.q: expected a string up to 200 characters');
    if (raw.q.trim()) f.q = raw.q.trim();
  }
  if (raw.id !== undefined) {
    const ids = Array.isArray(raw.id) ? raw.id : [raw.id];
    if (ids.length > 200 || !ids.every((i) => typeof i === 'string' && i.length <= 300)) throw new BadRequestException('filter.id: expected up to 200 keys');
    f.id = ids as string[];
  }
  return f;
}

/**
 * Readers as the moderators see them: `key` is the comments' `author_key`; the list status (blocked, always-review,
 * trusted) lives in `authors` and is read by the worker's `author` rule for every future comment.
 */
@Injectable()
export class AuthorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListQuery<AuthorFilter>): Promise<{ rows: AuthorRecord[]; total: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const f = query.filter;
    const statsWhere: string[] = [`author_role = 'reader'`];
    if (f.id) statsWhere.push(`author_key = ANY(${p(f.id)})`);
    if (f.q) statsWhere.push(`(author_name ILIKE ${p(`%${f.q.replace(/[\\%_]/g, '\\$&')}%`)} OR author_key = ${p(f.q)})`);
    const outerWhere: string[] = [];
    if (f.status) {
      const lists = f.status.filter((s) => s !== 'none');
      const parts = [];
      if (lists.length) parts.push(`a.status = ANY(${p(lists)})`);
      if (f.status.includes('none')) parts.push('a.status IS NULL');
      outerWhere.push(`(${parts.join(' OR ')})`);
    }
    // Listed authors without comments (none yet, or all deleted) still show when not searching by name.
    const join = f.q || f.id ? 'LEFT JOIN' : 'FULL JOIN';
    const order = query.sort
      ? `${SORT_COLUMN[query.sort.field as keyof typeof SORT_COLUMN]} ${query.sort.order} NULLS LAST, key`
      : 'last_seen_at DESC NULLS LAST, key';
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH s AS (${statsSql(statsWhere.join(' AND '))})
       SELECT *, count(*) OVER ()::int AS full_count FROM (
         SELECT COALESCE(s.author_key, a.key) AS key, COALESCE(a.display_name, s.name) AS display_name,
                a.status, a.note, a.updated_at, u.name AS updated_by_name, ${SUSPENSION},
                COALESCE(s.total, 0) AS total, COALESCE(s.approved, 0) AS approved, COALESCE(s.flagged, 0) AS flagged,
                COALESCE(s.hidden, 0) AS hidden, COALESCE(s.pending, 0) AS pending, s.first_seen_at, s.last_seen_at
           FROM s ${join} authors a ON a.key = s.author_key
           LEFT JOIN users u ON u.id = a.updated_by
          ${outerWhere.length ? `WHERE ${outerWhere.join(' AND ')}` : ''}
       ) x
       ORDER BY ${order}
       LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    let total = (rows[0]?.full_count as number | undefined) ?? 0;
    if (rows.length === 0 && query.offset > 0) total = query.offset;
    return { rows: rows.map(toAuthor), total };
  }

  /** One author's record; `fallbackName` names an author nobody has listed yet. */
  async get(key: string, fallbackName?: string, db: DataSource | EntityManager = this.dataSource): Promise<AuthorRecord> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `WITH s AS (${statsSql('author_key = $1')})
       SELECT $1::text AS key, COALESCE(a.display_name, s.name) AS display_name, a.status, a.note, a.updated_at, ${SUSPENSION},
              u.name AS updated_by_name, COALESCE(s.total, 0) AS total, COALESCE(s.approved, 0) AS approved,
              COALESCE(s.flagged, 0) AS flagged, COALESCE(s.hidden, 0) AS hidden, COALESCE(s.pending, 0) AS pending,
              s.first_seen_at, s.last_seen_at
         FROM (SELECT 1) one
         LEFT JOIN s ON true
         LEFT JOIN authors a ON a.key = $1
         LEFT JOIN users u ON u.id = a.updated_by`,
      [key],
    );
    const r = rows[0];
    if (!r || (r.display_name == null && fallbackName === undefined)) throw new NotFoundException(`no author ${key}`);
    return toAuthor({ ...r, display_name: r.display_name ?? fallbackName });
  }

  /** Put an author on a list (or take them off with `status: null`). Affects their future comments only. */
  async update(key: string, req: AuthorUpdateRequest, userId: string): Promise<AuthorRecord> {
    const current = await this.get(key).catch(() => null);
    if (!current) throw new NotFoundException(`no author ${key}: nobody with that key has commented`);
    await this.dataSource.query(
      `INSERT INTO authors (key, display_name, status, note, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (key) DO UPDATE
         SET status = EXCLUDED.status, display_name = EXCLUDED.display_name,
             note = CASE WHEN $6 THEN EXCLUDED.note ELSE authors.note END,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [key, req.displayName ?? current.displayName, req.status, req.note ?? null, userId, req.note !== undefined],
    );
    return this.get(key);
  }

  /**
   * Suspend: no comments from this author for `hours` (intake answers 403 with `message`). It ends by itself (intake
   * compares the time when they post); a new suspension replaces the old one. Their list status is kept.
   */
  async suspend(key: string, req: AuthorSuspensionRequest, userId: string): Promise<AuthorRecord> {
    const current = await this.get(key).catch(() => null);
    if (!current) throw new NotFoundException(`no author ${key}: nobody with that key has commented`);
    await this.suspendAll(this.dataSource.manager, [{ key, name: current.displayName }], req, userId);
    return this.get(key);
  }

  /**
   * Suspend several authors alike (a campaign's), in the caller's transaction. Returns the end and each author's
   * suspension before (none: nulls), so that `restoreSuspensions` can undo it.
   */
  async suspendAll(
    m: EntityManager,
    authors: ReadonlyArray<{ key: string; name: string }>,
    req: AuthorSuspensionRequest,
    userId: string,
  ): Promise<{ until: string; before: SuspensionBefore[] }> {
    const before: Array<{ key: string; until: Date | null; message: string | null; by: string | null }> = await m.query(
      `SELECT k.key, a.suspended_until AS until, a.suspension_message AS message, a.suspended_by AS by
         FROM unnest($1::text[]) k(key) LEFT JOIN authors a ON a.key = k.key ORDER BY k.key`,
      [authors.map((a) => a.key)],
    );
    const [{ until }]: Array<{ until: Date }> = await m.query(`SELECT now() + make_interval(hours => $1) AS until`, [req.hours]);
    await m.query(
      `INSERT INTO authors (key, display_name, suspended_until, suspension_message, suspended_by, updated_by, updated_at)
       SELECT k.key, k.name, $3, $4, $5, $5, now() FROM unnest($1::text[], $2::text[]) k(key, name)
       ON CONFLICT (key) DO UPDATE
         SET suspended_until = EXCLUDED.suspended_until, suspension_message = EXCLUDED.suspension_message,
             suspended_by = EXCLUDED.suspended_by, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [authors.map((a) => a.key), authors.map((a) => a.name), until, req.message, userId],
    );
    return {
      until: until.toISOString(),
      before: before.map((b) => ({ key: b.key, until: b.until ? b.until.toISOString() : null, message: b.message, by: b.by })),
    };
  }

  /**
   * Undo `suspendAll`: each author still suspended until exactly `until` (nobody suspended or lifted them since) gets
   * their suspension before back. Returns the keys put back.
   */
  async restoreSuspensions(m: EntityManager, until: string, before: readonly SuspensionBefore[], userId: string): Promise<string[]> {
    const rows: Array<{ key: string }> = await m.query(
      `WITH u AS (
         UPDATE authors a SET suspended_until = b.until, suspension_message = b.message, suspended_by = b.by, updated_by = $5, updated_at = now()
           FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::uuid[]) b(key, until, message, by)
          WHERE a.key = b.key AND a.suspended_until = $6::timestamptz
         RETURNING a.key)
       SELECT key FROM u`,
      [before.map((b) => b.key), before.map((b) => b.until), before.map((b) => b.message), before.map((b) => b.by), userId, until],
    );
    return rows.map((r) => r.key).sort();
  }

  /** Lift a suspension before its end. */
  async lift(key: string, userId: string): Promise<AuthorRecord> {
    const current = await this.get(key).catch(() => null);
    if (!current) throw new NotFoundException(`no author ${key}: nobody with that key has commented`);
    await this.dataSource.query(
      `UPDATE authors SET suspended_until = NULL, suspension_message = NULL, suspended_by = NULL, updated_by = $2, updated_at = now() WHERE key = $1`,
      [key, userId],
    );
    return this.get(key);
  }
}

/** A suspension in force (compared now: one that has ended reads as none, with nothing run when it ends). */
const SUSPENSION = `CASE WHEN a.suspended_until > now() THEN a.suspended_until END AS suspended_until,
                CASE WHEN a.suspended_until > now() THEN a.suspension_message END AS suspension_message`;

function statsSql(where: string): string {
  return `SELECT author_key, (array_agg(author_name ORDER BY received_at DESC))[1] AS name, count(*)::int AS total,
                 count(*) FILTER (WHERE status = 'approved')::int AS approved,
                 count(*) FILTER (WHERE status = 'flagged')::int AS flagged,
                 count(*) FILTER (WHERE status = 'hidden')::int AS hidden,
                 count(*) FILTER (WHERE status = 'pending')::int AS pending,
                 min(received_at) AS first_seen_at, max(received_at) AS last_seen_at
            FROM comments WHERE ${where} GROUP BY author_key`;
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);

function toAuthor(r: Record<string, unknown>): AuthorRecord {
  return {
    id: r.key as string,
    displayName: (r.display_name as string | null) ?? (r.key as string),
    status: (r.status as AuthorListStatus | null) ?? null,
    note: (r.note as string | null) ?? null,
    updatedAt: iso(r.updated_at),
    updatedByName: (r.updated_by_name as string | null) ?? null,
    total: Number(r.total ?? 0),
    approved: Number(r.approved ?? 0),
    flagged: Number(r.flagged ?? 0),
    hidden: Number(r.hidden ?? 0),
    pending: Number(r.pending ?? 0),
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
    suspendedUntil: iso(r.suspended_until),
    suspensionMessage: (r.suspension_message as string | null) ?? null,
  };
}
