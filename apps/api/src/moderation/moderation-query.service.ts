import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMMENT_STATUSES,
  type CommentDetail,
  type CommentRecord,
  type CommentStatus,
  type FlagRecord,
  type ModerationEventRecord,
} from '@sift/shared';
import { DataSource } from 'typeorm';
import type { ListQuery } from '../core/http/list-query.js';

export interface CommentFilter {
  /** react-admin getMany: `filter={"id":[...]}`. */
  id?: string[];
  status?: CommentStatus[];
  articleId?: string;
  articleExternalId?: string;
  authorId?: string;
  q?: string;
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
const FILTERS = ['id', 'status', 'articleId', 'articleExternalId', 'authorId', 'q'];
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
  if (raw.q !== undefined) {
    if (typeof raw.q !== 'string' || raw.q.length > 200) throw new BadRequestException('filter.q: expected a string up to 200 characters');
    if (raw.q.trim()) f.q = raw.q.trim();
  }
  return f;
}

/** Read side of the moderation dashboard. */
@Injectable()
export class ModerationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListQuery<CommentFilter>): Promise<{ rows: CommentRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const f = query.filter;
    if (f.id) where.push(`c.id = ANY(${p(f.id)}::uuid[])`);
    if (f.status) where.push(`c.status = ANY(${p(f.status)})`);
    if (f.articleExternalId) where.push(`a.external_id = ${p(f.articleExternalId)}`);
    if (f.articleId) where.push(`c.article_id = ${p(f.articleId)}`);
    if (f.authorId) where.push(`c.author_id = ${p(f.authorId)}`);
    if (f.q) where.push(`(c.body ILIKE ${p(`%${f.q.replace(/[\\%_]/g, '\\$&')}%`)} OR c.author_name ILIKE $${params.length})`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.sort
      ? `${SORT_COLUMN[query.sort.field as keyof typeof SORT_COLUMN]} ${query.sort.order} NULLS LAST, c.received_at DESC`
      : 'c.priority DESC, c.received_at DESC';

    const [countRow] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM comments c JOIN articles a ON a.id = c.article_id ${whereSql}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.*, a.external_id AS article_external_id, a.title AS article_title
         FROM comments c JOIN articles a ON a.id = c.article_id
         ${whereSql}
        ORDER BY ${order}
        LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    const flags = await this.flagsFor(rows.map((r) => r.id as string));
    return { rows: rows.map((r) => toRecord(r, flags.get(r.id as string) ?? [])), total: countRow.n };
  }

  async detail(id: string): Promise<CommentDetail> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.*, a.external_id AS article_external_id, a.title AS article_title
         FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`comment ${id} not found`);
    const r = rows[0];
    const flags = await this.flagsFor([id]);
    const events: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.*, u.name AS actor_name FROM moderation_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.comment_id = $1 ORDER BY e.created_at, e.id`,
      [id],
    );
    let parent: CommentDetail['parent'] = null;
    if (r.parent_id) {
      const [pr] = await this.dataSource.query(`SELECT id, author_name, title, body, status FROM comments WHERE id = $1`, [r.parent_id]);
      if (pr) parent = { id: pr.id, authorName: pr.author_name, title: pr.title, body: pr.body, status: pr.status };
    }
    return {
      ...toRecord(r, flags.get(id) ?? []),
      parent,
      events: events.map(
        (e): ModerationEventRecord => ({
          id: e.id as string,
          fromStatus: (e.from_status as CommentStatus | null) ?? null,
          toStatus: (e.to_status as CommentStatus | null) ?? null,
          actorType: e.actor_type as ModerationEventRecord['actorType'],
          actorId: (e.actor_user_id as string | null) ?? null,
          actorName: (e.actor_name as string | null) ?? null,
          reason: (e.reason as string | null) ?? null,
          createdAt: (e.created_at as Date).toISOString(),
        }),
      ),
    };
  }

  private async flagsFor(ids: string[]): Promise<Map<string, FlagRecord[]>> {
    const out = new Map<string, FlagRecord[]>();
    if (ids.length === 0) return out;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
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

function toRecord(r: Record<string, unknown>, flags: FlagRecord[]): CommentRecord {
  return {
    id: r.id as string,
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
  };
}
