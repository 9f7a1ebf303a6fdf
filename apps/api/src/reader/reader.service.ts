import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MyComment,
  MyCommentState,
  PublicArticle,
  PublicComment,
  PublicThreadNode,
  PublicThreadPage,
  ThreadOrder,
} from '@sift/shared';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { hashReaderToken } from './reader-token.js';

/** Bump when the shape of the public answers changes, so cached ETags no longer match. */
const FORMAT = 'reader-v1';

export interface ThreadQuery {
  order: ThreadOrder;
  limit: number;
  cursor: string | null;
}

interface SkeletonRow {
  id: string;
  parent_id: string | null;
  approved: boolean;
  /** received_at in microseconds since the epoch (text: exact, and sortable as BigInt). */
  t: string;
}

interface Node {
  id: string;
  parentId: string | null;
  approved: boolean;
  t: bigint;
  children: Node[];
  visible?: boolean;
}

interface TextRow {
  id: string;
  parent_id: string | null;
  author_name: string;
  author_role: 'reader' | 'staff';
  title: string | null;
  body: string;
  received_at: Date;
}

/**
 * The reader's side, read-only (docs/reader.md). The rule of this file: text, author and dates are selected only
 * `WHERE status = 'approved'`. Everything else about a non-approved comment — that it exists above an approved
 * reply — comes from the id/parent/status skeleton and is shown as a text-less placeholder.
 */
@Injectable()
export class ReaderService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cacheControl(): string {
    return `public, max-age=${this.config.publicCacheMaxAgeSeconds}, must-revalidate`;
  }

  async article(externalId: string): Promise<{ article: PublicArticle; etag: string }> {
    const [row] = await this.ds.query(
      `SELECT external_id, title, subtitle, url, comments_open, updated_at::text AS updated FROM articles WHERE external_id = $1`,
      [externalId],
    );
    if (!row) throw new NotFoundException(`article "${externalId}" not found`);
    return {
      article: { externalId: row.external_id, title: row.title, subtitle: row.subtitle, url: row.url, commentsOpen: row.comments_open },
      etag: etagOf(FORMAT, 'article', row.external_id, row.updated),
    };
  }

  /**
   * The validator of one thread page, from data only: the approved comments' count and latest decision time (a
   * decision on any comment of the article either adds an approved one with a newer `decided_at` or removes one),
   * the article's `updated_at` (title, open/closed), and the query. No cache-busting hook is needed.
   */
  async threadEtag(externalId: string, q: ThreadQuery): Promise<{ articleId: string; etag: string }> {
    const [row] = await this.ds.query(
      `SELECT a.id, a.updated_at::text AS updated, count(c.id)::int AS n,
              max(coalesce(c.decided_at, c.received_at))::text AS latest
         FROM articles a LEFT JOIN comments c ON c.article_id = a.id AND c.status = 'approved'
        WHERE a.external_id = $1
        GROUP BY a.id`,
      [externalId],
    );
    if (!row) throw new NotFoundException(`article "${externalId}" not found`);
    return { articleId: row.id, etag: etagOf(FORMAT, 'thread', externalId, row.updated, row.n, row.latest, q.order, q.limit, q.cursor ?? '') };
  }

  async thread(externalId: string, articleId: string, q: ThreadQuery): Promise<PublicThreadPage> {
    const skeleton: SkeletonRow[] = await this.ds.query(
      `SELECT id, parent_id, status = 'approved' AS approved,
              (extract(epoch FROM received_at) * 1000000)::bigint::text AS t
         FROM comments WHERE article_id = $1`,
      [articleId],
    );
    const nodes = new Map<string, Node>();
    for (const r of skeleton) nodes.set(r.id, { id: r.id, parentId: r.parent_id, approved: r.approved, t: BigInt(r.t), children: [] });
    const roots: Node[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    const byTime = (a: { t: bigint; id: string }, b: { t: bigint; id: string }) => (a.t === b.t ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.t < b.t ? -1 : 1);
    const visibleRoots = roots.filter((r) => isVisible(r)).sort(byTime);
    if (q.order === 'newest') visibleRoots.reverse();

    const after = decodeCursor(q.cursor);
    const start = after
      ? visibleRoots.findIndex((r) => (q.order === 'newest' ? byTime(r, after) < 0 : byTime(r, after) > 0))
      : 0;
    const pageRoots = start < 0 ? [] : visibleRoots.slice(start, start + q.limit);
    const hasMore = start >= 0 && start + q.limit < visibleRoots.length;

    const wanted: string[] = [];
    const collect = (n: Node) => {
      if (!n.visible) return;
      if (n.approved) wanted.push(n.id);
      n.children.forEach(collect);
    };
    pageRoots.forEach(collect);
    const texts = new Map<string, TextRow>();
    if (wanted.length > 0) {
      const rows: TextRow[] = await this.ds.query(
        `SELECT id, parent_id, author_name, author_role, title, body, received_at
           FROM comments WHERE id = ANY($1::uuid[]) AND article_id = $2 AND status = 'approved'`,
        [wanted, articleId],
      );
      for (const r of rows) texts.set(r.id, r);
    }

    // A comment that was approved in the skeleton but not any more by the time its text was read is treated as
    // not approved: a placeholder if it still has shown replies, else left out.
    const render = (n: Node): PublicThreadNode | null => {
      if (!n.visible) return null;
      const replies = [...n.children].sort(byTime).map(render).filter((x): x is PublicThreadNode => x !== null);
      const text = texts.get(n.id);
      if (text) {
        const comment: PublicComment = {
          kind: 'comment',
          id: text.id,
          parentId: text.parent_id,
          authorName: text.author_name,
          authorRole: text.author_role,
          title: text.title,
          body: text.body,
          postedAt: text.received_at.toISOString(),
          replies,
        };
        return comment;
      }
      return replies.length > 0 ? { kind: 'removed', id: n.id, parentId: n.parentId, replies } : null;
    };
    const comments = pageRoots.map(render).filter((x): x is PublicThreadNode => x !== null);
    const last = pageRoots[pageRoots.length - 1];
    return {
      articleExternalId: externalId,
      order: q.order,
      approvedCount: skeleton.filter((r) => r.approved).length,
      threadCount: visibleRoots.length,
      comments,
      nextCursor: hasMore && last ? encodeCursor(last) : null,
    };
  }

  /** The author's own comments, found by their private tokens; any token that matches nothing is simply absent. */
  async mine(tokens: string[]): Promise<MyComment[]> {
    if (tokens.length === 0) return [];
    const byHash = new Map(tokens.map((t) => [hashReaderToken(t), t]));
    const rows: Array<{
      token_hash: string;
      id: string;
      external_id: string;
      parent_id: string | null;
      author_name: string;
      title: string | null;
      body: string;
      received_at: Date;
      status: string;
      reason: string | null;
    }> = await this.ds.query(
      `SELECT t.token_hash, c.id, a.external_id, c.parent_id, c.author_name, c.title, c.body, c.received_at, c.status,
              (SELECT e.reason FROM moderation_events e
                WHERE e.comment_id = c.id AND e.to_status = 'hidden' AND e.actor_type = 'user'
                ORDER BY e.created_at DESC LIMIT 1) AS reason
         FROM reader_tokens t
         JOIN comments c ON c.id = t.comment_id
         JOIN articles a ON a.id = c.article_id
        WHERE t.token_hash = ANY($1::text[])
        ORDER BY c.received_at`,
      [[...byHash.keys()]],
    );
    return rows.map((r) => {
      const state: MyCommentState = r.status === 'approved' ? 'published' : r.status === 'hidden' ? 'not_published' : 'held';
      return {
        token: byHash.get(r.token_hash) as string,
        id: r.id,
        articleExternalId: r.external_id,
        parentId: r.parent_id,
        authorName: r.author_name,
        title: r.title,
        body: r.body,
        postedAt: r.received_at.toISOString(),
        state,
        reason: state === 'not_published' ? r.reason : null,
      };
    });
  }
}

/** Shown when approved, or when something below it is (then as a placeholder). Iterative: threads can be deep. */
function isVisible(root: Node): boolean {
  const stack: Array<{ n: Node; i: number }> = [{ n: root, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { n: Node; i: number };
    if (top.i < top.n.children.length) {
      stack.push({ n: top.n.children[top.i++] as Node, i: 0 });
      continue;
    }
    stack.pop();
    top.n.visible = top.n.approved || top.n.children.some((c) => c.visible === true);
  }
  return root.visible === true;
}

function etagOf(...parts: Array<string | number | null>): string {
  return `"${createHash('sha256').update(parts.map((p) => String(p ?? '')).join('|')).digest('base64url').slice(0, 27)}"`;
}

function encodeCursor(n: Node): string {
  return Buffer.from(`${n.t}_${n.id}`).toString('base64url');
}

/** The cursor is opaque to clients; a malformed one is refused by the DTO before it gets here. */
export function decodeCursor(cursor: string | null): { t: bigint; id: string } | null {
  if (!cursor) return null;
  const m = /^(\d{1,20})_([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) return null;
  return { t: BigInt(m[1] as string), id: m[2] as string };
}
