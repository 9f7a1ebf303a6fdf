import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AuditEventRecord,
  type AuthorHistoryItem,
  COMMENT_STATUSES,
  type CommentDetail,
  type ModerationCommentDetail,
  type QueueCounts,
  type QueueRow,
  RULE_TYPES,
  type CommentRecord,
  type CommentStatus,
  type FlagRecord,
  type ModerationEventRecord,
  type ReportReason,
} from '@sift/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuthorsService } from '../authors/authors.service.js';
import type { ListQuery } from '../core/http/list-query.js';
import { identityName } from '../core/identity/author-identity.js';

export interface CommentFilter {
  /** react-admin getMany: `filter={"id":[...]}`. */
  id?: string[];
  status?: CommentStatus[];
  articleId?: string;
  articleExternalId?: string;
  authorId?: string;
  authorKey?: string;
  /** Rule types that hit (the "reason"). */
  rule?: string[];
  receivedAt_gte?: string;
  receivedAt_lte?: string;
  q?: string;
  /** The Reported queue: approved comments with open reader reports. */
  reported?: boolean;
}

export const COMMENT_SORTABLE = ['id', 'receivedAt', 'priority', 'status', 'decidedAt', 'authorName'] as const;
const SORT_COLUMN: Record<(typeof COMMENT_SORTABLE)[number], string> = {
  id: 'c.id',
  receivedAt: 'c.received_at',
  priority: 'c.priority',
  status: 'c.status',
  decidedAt: 'c.decided_at',
  authorName: 'c.author_name',
};
const FILTERS = ['id', 'status', 'articleId', 'articleExternalId', 'authorId', 'authorKey', 'rule', 'receivedAt_gte', 'receivedAt_lte', 'q', 'reported'];
/** Open reports of `c` (a partial index covers them). */
const OPEN_REPORTS = `(SELECT count(*)::int FROM comment_reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)`;
const NULLABLE_SORT = new Set(['decidedAt']);
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const HISTORY_LIMIT = 20;
const COUNTS_TTL_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCommentFilter(raw: Record<string, unknown>): CommentFilter {
  const f: CommentFilter = {};
  for (const key of Object.keys(raw)) {
    if (!FILTERS.includes(key)) {
      throw new BadRequestException(`filter.${key}: unknown filter; use ${FILTERS.join(', ')}`);
    }
  }
  if (raw.id !== undefined) {
    const ids = Array.isArray(raw.id) ? raw.id : [raw.id];
    if (ids.length > 200 || !ids.every((i) => typeof i === 'string' && UUID.test(i))) {
      throw new BadRequestException('filter.id: expected up to 200 uuids');
    }
    f.id = ids as string[];
  }
  if (raw.status !== undefined) {
    const list = Array.isArray(raw.status) ? raw.status : [raw.status];
    if (!list.every((s) => (COMMENT_STATUSES as readonly unknown[]).includes(s))) {
      throw new BadRequestException(`filter.status: use ${COMMENT_STATUSES.join(', ')}`);
    }
    f.status = list as CommentStatus[];
  }
  if (raw.articleId !== undefined) {
    if (typeof raw.articleId !== 'string' || !UUID.test(raw.articleId)) throw new BadRequestException('filter.articleId: expected a uuid');
    f.articleId = raw.articleId;
  }
  if (raw.articleExternalId !== undefined) {
    if (typeof raw.articleExternalId !== 'string' || raw.articleExternalId.length > 200) {
      throw new BadRequestException('filter.articleExternalId: expected a string');
    }
    f.articleExternalId = raw.articleExternalId;
  }
  if (raw.authorId !== undefined) {
    if (typeof raw.authorId !== 'string' || raw.authorId.length > 200) throw new BadRequestException('filter.authorId: expected a string');
    f.authorId = raw.authorId;
  }
  if (raw.authorKey !== undefined) {
    if (typeof raw.authorKey !== 'string' || raw.authorKey.length > 300) throw new BadRequestException('filter.authorKey: expected a string');
    f.authorKey = raw.authorKey;
  }
  if (raw.rule !== undefined) {
    const list = Array.isArray(raw.rule) ? raw.rule : [raw.rule];
    if (!list.every((r) => (RULE_TYPES as readonly unknown[]).includes(r))) {
      throw new BadRequestException(`filter.rule: use ${RULE_TYPES.join(', ')}`);
    }
    if (list.length > 0) f.rule = list as string[];
  }
  for (const key of ['receivedAt_gte', 'receivedAt_lte'] as const) {
    const v = raw[key];
    if (v === undefined || v === '' || v === null) continue;
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) {
      throw new BadRequestException(`filter.${key}: expected a date (YYYY-MM-DD) or an ISO timestamp`);
    }
    f[key] = v;
  }
  if (raw.q !== undefined) {
    if (typeof raw.q !== 'string' || raw.q.length > 200) throw new BadRequestException('filter.q: expected a string up to 200 characters');
    if (raw.q.trim()) f.q = raw.q.trim();
  }
  if (raw.reported !== undefined) {
    if (typeof raw.reported !== 'boolean') throw new BadRequestException('filter.reported: expected true or false');
    if (raw.reported) f.reported = true;
  }
  return f;
}

/** Read side of the moderation dashboard. */
@Injectable()
export class ModerationQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authors: AuthorsService,
  ) {}

  private countsCache: { at: number; value: Promise<QueueCounts> } | null = null;

  /**
   * Comments per status; `all` is their sum. Every open dashboard asks after each live event, so one answer is
   * shared for a second per process (~50 ms of index-only scanning at 1,000,000 comments, docs/benchmarks.md).
   */
  counts(): Promise<QueueCounts> {
    const now = Date.now();
    if (this.countsCache && now - this.countsCache.at < COUNTS_TTL_MS) return this.countsCache.value;
    const value = this.readCounts();
    this.countsCache = { at: now, value };
    value.catch(() => (this.countsCache = null));
    return value;
  }

  private async readCounts(): Promise<QueueCounts> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM comments GROUP BY status`,
    );
    const counts: QueueCounts = { flagged: 0, reported: await this.reportedCount(), pending: 0, approved: 0, hidden: 0, all: 0 };
    for (const r of rows) {
      if (r.status in counts) counts[r.status as keyof QueueCounts] = r.n;
      counts.all += r.n;
    }
    return counts;
  }

  /** The Reported queue's size: approved comments with open reports. */
  async reportedCount(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT r.comment_id)::int AS n FROM comment_reports r JOIN comments c ON c.id = r.comment_id
        WHERE r.resolved_at IS NULL AND c.status = 'approved'`,
    );
    return row.n;
  }

  async list(query: ListQuery<CommentFilter>): Promise<{ rows: QueueRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const f = query.filter;
    if (f.id) where.push(`c.id = ANY(${p(f.id)}::uuid[])`);
    // One status is an equality, so the planner walks the queue's (partial) index in priority order.
    if (f.status?.length === 1) where.push(`c.status = ${p(f.status[0])}`);
    else if (f.status) where.push(`c.status = ANY(${p(f.status)})`);
    if (f.articleExternalId) where.push(`a.external_id = ${p(f.articleExternalId)}`);
    if (f.articleId) where.push(`c.article_id = ${p(f.articleId)}`);
    if (f.authorId) where.push(`c.author_id = ${p(f.authorId)}`);
    if (f.authorKey) where.push(`c.author_key = ${p(f.authorKey)}`);
    if (f.rule) {
      where.push(`EXISTS (SELECT 1 FROM triage_flags tf WHERE tf.comment_id = c.id AND tf.outcome = 'hit' AND tf.rule_type = ANY(${p(f.rule)}))`);
    }
    if (f.receivedAt_gte) where.push(`c.received_at >= ${p(f.receivedAt_gte)}::timestamptz`);
    if (f.receivedAt_lte) {
      // A bare date means "up to the end of that day".
      const end = /^\d{4}-\d{2}-\d{2}$/.test(f.receivedAt_lte) ? `${f.receivedAt_lte}T23:59:59.999Z` : f.receivedAt_lte;
      where.push(`c.received_at <= ${p(end)}::timestamptz`);
    }
    if (f.reported) where.push(`c.status = 'approved' AND EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)`);
    if (f.q) where.push(`(c.body ILIKE ${p(`%${f.q.replace(/[\\%_]/g, '\\$&')}%`)} OR c.author_name ILIKE $${params.length})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Non-null columns get no NULLS clause, so the order matches the queue index (no sort step).
    const order = query.sort
      ? `${SORT_COLUMN[query.sort.field as keyof typeof SORT_COLUMN]} ${query.sort.order}${NULLABLE_SORT.has(query.sort.field) ? ' NULLS LAST' : ''}, c.received_at DESC, c.id`
      : 'c.priority DESC, c.received_at DESC, c.id';

    // The join is needed for the count only when filtering by the article's external id.
    const [countRow] = await this.dataSource.query(
      f.articleExternalId
        ? `SELECT count(*)::int AS n FROM comments c JOIN articles a ON a.id = c.article_id ${whereSql}`
        : `SELECT count(*)::int AS n FROM comments c ${whereSql}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.*, a.external_id AS article_external_id, a.title AS article_title, a.author AS article_author, ${OPEN_REPORTS} AS open_reports
         FROM comments c JOIN articles a ON a.id = c.article_id
         ${whereSql}
        ORDER BY ${order}
        LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    const flags = await this.flagsFor(rows.map((r) => r.id as string));
    return { rows: rows.map((r) => toRecord(r, flags.get(r.id as string) ?? [])), total: countRow.n };
  }

  /**
   * The card: the comment, its flags, parent, replies, audit trail, and the author with their history. All read in
   * one REPEATABLE READ snapshot: read statement by statement, a triage decision committing in between gave a card
   * whose status was still `pending` while its audit trail already showed the rules' `pending → approved`.
   */
  async card(id: string): Promise<ModerationCommentDetail> {
    return this.dataSource.transaction('REPEATABLE READ', (m) => this.cardIn(m, id));
  }

  private async cardIn(db: EntityManager, id: string): Promise<ModerationCommentDetail> {
    const base = await this.detailIn(db, id);
    const [row] = await db.query(`SELECT author_key FROM comments WHERE id = $1`, [id]);
    const authorKey = row.author_key as string;
    const [author, history, audit, replies, reports] = await Promise.all([
      this.authors.get(authorKey, base.authorName, db),
      this.history(db, authorKey, id),
      db.query(
        `SELECT e.*, u.name AS actor_name FROM moderation_events e LEFT JOIN users u ON u.id = e.actor_user_id
          WHERE e.comment_id = $1 ORDER BY e.created_at, e.id`,
        [id],
      ),
      db.query(
        `SELECT id, author_name, body, status, received_at, author_role FROM comments WHERE parent_id = $1 ORDER BY received_at LIMIT 50`,
        [id],
      ),
      db.query(
        `SELECT id, reason, note, created_at FROM comment_reports WHERE comment_id = $1 AND resolved_at IS NULL ORDER BY created_at DESC, id LIMIT 100`,
        [id],
      ),
    ]);
    return {
      ...base,
      authorKey,
      author,
      history,
      audit: (audit as Array<Record<string, unknown>>).map(
        (e): AuditEventRecord => ({ ...toEvent(e), details: (e.details as Record<string, unknown> | null) ?? null }),
      ),
      replies: (replies as Array<Record<string, unknown>>).map((r) => ({
        id: r.id as string,
        authorName: r.author_name as string,
        body: r.body as string,
        status: r.status as CommentStatus,
        receivedAt: (r.received_at as Date).toISOString(),
        staff: r.author_role === 'staff',
      })),
      reports: (reports as Array<Record<string, unknown>>).map((r) => ({
        id: r.id as string,
        reason: r.reason as ReportReason,
        note: (r.note as string | null) ?? null,
        createdAt: (r.created_at as Date).toISOString(),
      })),
    };
  }

  /** The author's other comments, newest first, with who made the latest status change and why. */
  private async history(db: EntityManager, authorKey: string, exceptId: string): Promise<AuthorHistoryItem[]> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT c.id, c.body, c.status, c.received_at, a.title AS article_title, e.actor_type, e.reason, u.name AS actor_name
         FROM comments c
         JOIN articles a ON a.id = c.article_id
         LEFT JOIN LATERAL (SELECT actor_type, actor_user_id, reason FROM moderation_events
                             WHERE comment_id = c.id AND to_status IS NOT NULL AND from_status IS NOT NULL
                             ORDER BY created_at DESC LIMIT 1) e ON true
         LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE c.author_key = $1 AND c.id <> $2
        ORDER BY c.received_at DESC
        LIMIT ${HISTORY_LIMIT}`,
      [authorKey, exceptId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      articleTitle: r.article_title as string,
      body: r.body as string,
      status: r.status as CommentStatus,
      receivedAt: (r.received_at as Date).toISOString(),
      decidedByType: (r.actor_type as AuthorHistoryItem['decidedByType']) ?? null,
      decidedBy: r.actor_type === 'user' ? ((r.actor_name as string | null) ?? 'a moderator') : r.actor_type === 'rule' ? 'rules' : null,
      reason: (r.reason as string | null) ?? null,
    }));
  }

  /** The comment with its flags, parent and status events, read in the caller's snapshot (see `card`). */
  private async detailIn(db: EntityManager, id: string): Promise<CommentDetail> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT c.*, a.external_id AS article_external_id, a.title AS article_title, a.author AS article_author, ${OPEN_REPORTS} AS open_reports
         FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`comment ${id} not found`);
    const r = rows[0];
    const flags = await this.flagsFor([id], db);
    const events: Array<Record<string, unknown>> = await db.query(
      `SELECT e.*, u.name AS actor_name FROM moderation_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.comment_id = $1 ORDER BY e.created_at, e.id`,
      [id],
    );
    let parent: CommentDetail['parent'] = null;
    if (r.parent_id) {
      const [pr] = await db.query(`SELECT id, author_name, title, body, status FROM comments WHERE id = $1`, [r.parent_id]);
      if (pr) parent = { id: pr.id, authorName: pr.author_name, title: pr.title, body: pr.body, status: pr.status };
    }
    return {
      ...toRecord(r, flags.get(id) ?? []),
      parent,
      events: events.map(toEvent),
    };
  }

  private async flagsFor(ids: string[], db: DataSource | EntityManager = this.dataSource): Promise<Map<string, FlagRecord[]>> {
    const out = new Map<string, FlagRecord[]>();
    if (ids.length === 0) return out;
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT * FROM triage_flags WHERE comment_id = ANY($1) ORDER BY score DESC`,
      [ids],
    );
    for (const f of rows) {
      const list = out.get(f.comment_id as string) ?? [];
      list.push({
        id: f.id as string,
        ruleId: f.rule_id as string,
        ruleName: f.rule_name as string,
        ruleType: f.rule_type as string,
        ruleVersion: f.rule_version as number,
        action: f.action as FlagRecord['action'],
        mode: f.mode as FlagRecord['mode'],
        outcome: f.outcome as FlagRecord['outcome'],
        score: f.score as number,
        threshold: f.threshold as number,
        evidence: f.evidence as FlagRecord['evidence'],
      });
      out.set(f.comment_id as string, list);
    }
    return out;
  }
}

function toEvent(e: Record<string, unknown>): ModerationEventRecord {
  return {
    id: e.id as string,
    fromStatus: (e.from_status as CommentStatus | null) ?? null,
    toStatus: (e.to_status as CommentStatus | null) ?? null,
    actorType: e.actor_type as ModerationEventRecord['actorType'],
    actorId: (e.actor_user_id as string | null) ?? null,
    actorName: (e.actor_name as string | null) ?? null,
    reason: (e.reason as string | null) ?? null,
    createdAt: (e.created_at as Date).toISOString(),
  };
}

function toRecord(r: Record<string, unknown>, flags: FlagRecord[]): QueueRow {
  return {
    id: r.id as string,
    authorKey: r.author_key as string,
    articleId: r.article_id as string,
    articleExternalId: r.article_external_id as string,
    articleTitle: r.article_title as string,
    parentId: (r.parent_id as string | null) ?? null,
    authorName: r.author_name as string,
    authorId: (r.author_id as string | null) ?? null,
    authorRole: r.author_role as CommentRecord['authorRole'],
    title: (r.title as string | null) ?? null,
    body: r.body as string,
    status: r.status as CommentStatus,
    version: r.version as number,
    priority: r.priority as number,
    receivedAt: (r.received_at as Date).toISOString(),
    decidedAt: r.decided_at ? (r.decided_at as Date).toISOString() : null,
    flags,
    openReports: (r.open_reports as number | undefined) ?? 0,
    byArticleAuthor: typeof r.article_author === 'string' && identityName(r.article_author) === identityName(r.author_name as string),
  };
}
