import { ConflictException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActorType,
  BulkDecisionItemResult,
  BulkDecisionRequest,
  BulkDecisionResponse,
  CommentStatus,
  DecisionRequest,
  LiveEvent,
  ReplyResponse,
} from '@sift/shared';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { CommentEntity } from './comment.entity.js';
import { prepared, queryPrepared } from '../core/database/prepared.js';
import { LiveEventsPublisher } from '../core/redis/live-events.js';
import { ModerationEventEntity } from './moderation-event.entity.js';

/** Live events waiting for their transaction to commit, kept on the transaction's query runner. */
const PENDING_LIVE = 'sift.liveEvents';
type RunnerData = { [PENDING_LIVE]?: LiveEvent[] };

export interface Actor {
  type: ActorType;
  userId?: string | null;
}

export interface ChangedComment {
  id: string;
  status: CommentStatus;
  version: number;
  fromStatus: CommentStatus;
}

export interface StatusChange {
  commentId: string;
  /** The version the caller read; the change is refused when the row has moved on. */
  expectedVersion: number;
  /** Statuses the change may start from. */
  from: readonly CommentStatus[];
  to: CommentStatus;
  actor: Actor;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  priority?: number;
}

/** Which statuses a human decision may start from (docs/semantics.md, "A comment's statuses"). */
const HUMAN_FROM: Record<DecisionRequest['action'], readonly CommentStatus[]> = {
  approve: ['pending', 'flagged', 'hidden'],
  hide: ['pending', 'flagged', 'approved'],
};
const HUMAN_TO: Record<DecisionRequest['action'], CommentStatus> = { approve: 'approved', hide: 'hidden' };
/** Approving a reported comment again keeps it (approved → approved): a decision that resolves its reports. */
const KEEP_FROM: readonly CommentStatus[] = ['approved'];
const KEEP_REASON = 'kept after reader reports';

/** The row `statusChangeSql`'s `moved` CTE returns. */
export interface MovedRow {
  id: string;
  status: CommentStatus;
  version: number;
  article_id: string;
  from_status: CommentStatus;
}

/**
 * The one status-change SQL, as CTEs of a single statement: `moved`, the conditional update on (id, version,
 * status) of the row locked first, returning it when it moved; `moved_event`, its audit event; and `moved_reports`:
 * a person's decision resolves the comment's open reader reports (kept, or hidden). Its nine
 * placeholders start at `$first` (values: `statusChangeParams`). A caller that writes more in the same statement
 * (triage: its decision) puts its own CTEs before these and may add a `gate` (an SQL condition the move also needs)
 * and `detailsSql` (a jsonb expression merged into the event's details).
 */
export function statusChangeSql(first = 1, opts: { gate?: string; detailsSql?: string } = {}): string {
  const $ = (i: number) => `$${first + i}`;
  const details = opts.detailsSql ? `coalesce(${$(8)}::jsonb, '{}'::jsonb) || (${opts.detailsSql})` : `${$(8)}::jsonb`;
  return `moved AS (
      UPDATE comments c
         SET status = ${$(3)}, version = c.version + 1,
             decided_at = CASE WHEN ${$(3)} = 'pending' THEN c.decided_at ELSE now() END, priority = COALESCE(${$(4)}, c.priority)
        FROM (SELECT id, status FROM comments WHERE id = ${$(0)} FOR UPDATE) old
       WHERE c.id = old.id AND c.version = ${$(1)} AND c.status = ANY(${$(2)}) AND (${opts.gate ?? 'true'})
   RETURNING c.id, c.status, c.version, c.article_id, old.status AS from_status),
    moved_event AS (
      INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, actor_user_id, reason, details)
      SELECT id, from_status, status, ${$(5)}, ${$(6)}::uuid, ${$(7)}, ${details} FROM moved),
    moved_reports AS (
      UPDATE comment_reports r
         SET resolved_at = now(), resolved_by = ${$(6)}::uuid, resolution = CASE WHEN moved.status = 'hidden' THEN 'hidden' ELSE 'kept' END
        FROM moved
       WHERE r.comment_id = moved.id AND r.resolved_at IS NULL AND ${$(6)}::uuid IS NOT NULL)`;
}

/** The values for `statusChangeSql`'s placeholders, in order. */
export function statusChangeParams(change: StatusChange): unknown[] {
  return [
    change.commentId,
    change.expectedVersion,
    change.from,
    change.to,
    change.priority ?? null,
    change.actor.type,
    change.actor.userId ?? null,
    change.reason ?? null,
    change.details ? JSON.stringify(change.details) : null,
  ];
}

const TRANSITION = prepared('moderation_transition', `WITH ${statusChangeSql()} SELECT * FROM moved`);

/**
 * The one place a comment's status changes. Every change is a conditional update on (id, version, status) and an
 * audit event in one statement (`statusChangeSql`), in the caller's transaction; a stale version changes nothing
 * and returns null.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly live?: LiveEventsPublisher,
  ) {
    // Live events leave only after COMMIT (a rolled-back change never reaches a dashboard), whoever owns the
    // transaction: the worker's triage, intake, or this service.
    const already = dataSource.subscribers.some((s) => (s as { siftLive?: boolean }).siftLive);
    if (!already && live) {
      dataSource.subscribers.push({
        siftLive: true,
        afterTransactionCommit: (e: { queryRunner: QueryRunner }) => {
          if (e.queryRunner.isTransactionActive) return; // a savepoint was released; the outer commit comes later
          const data = e.queryRunner.data as RunnerData;
          const events = data[PENDING_LIVE];
          delete data[PENDING_LIVE];
          if (events?.length) void live.publish(events);
        },
        afterTransactionRollback: (e: { queryRunner: QueryRunner }) => {
          if (!e.queryRunner.isTransactionActive) delete (e.queryRunner.data as RunnerData)[PENDING_LIVE];
        },
      } as never);
    }
  }

  /** Tell the dashboards a comment arrived (intake writes the comment and its audit event in one statement). */
  announceReceived(commentId: string, articleId: string): void {
    void this.live?.publish([{ type: 'received', id: commentId, articleId, status: 'pending', at: new Date().toISOString() }]);
  }

  /** Queue a live event for after the commit of `manager`'s transaction (or publish now, outside one). */
  private emit(manager: EntityManager, event: LiveEvent): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      const data = runner.data as RunnerData;
      (data[PENDING_LIVE] ??= []).push(event);
    } else {
      void this.live?.publish([event]);
    }
  }

  /** Moves one comment (one statement: the conditional update and its audit event); null when the row had moved on. */
  async transition(manager: EntityManager, change: StatusChange): Promise<ChangedComment | null> {
    const [row] = await queryPrepared<MovedRow>(manager, TRANSITION, statusChangeParams(change));
    return this.moved(manager, change, row);
  }

  /**
   * After a statement that ran `statusChangeSql`'s CTEs and returned the `moved` row (or none): queue the live event
   * for after COMMIT (or send it now, outside a transaction) and return the change, or null when nothing moved.
   */
  moved(manager: EntityManager, change: StatusChange, row: MovedRow | undefined): ChangedComment | null {
    if (!row) return null;
    this.emit(manager, {
      type: 'changed',
      id: row.id,
      articleId: row.article_id,
      from: row.from_status,
      to: row.status,
      version: row.version,
      actorType: change.actor.type,
      actorId: change.actor.userId ?? null,
      at: new Date().toISOString(),
    });
    return { id: row.id, status: row.status, version: row.version, fromStatus: row.from_status };
  }

  /** An audit event that is not a status change (a comment received, a reply written). */
  async record(
    manager: EntityManager,
    commentId: string,
    e: {
      fromStatus: CommentStatus | null;
      toStatus: CommentStatus | null;
      actor: Actor;
      reason?: string | null;
      details?: Record<string, unknown> | null;
    },
  ): Promise<void> {
    await manager.insert(ModerationEventEntity, {
      commentId,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorType: e.actor.type,
      actorUserId: e.actor.userId ?? null,
      reason: e.reason ?? null,
      details: (e.details ?? null) as object | null as never,
    });
    if (e.fromStatus === null && e.toStatus !== null) {
      // A comment came into being (intake, a staff reply): tell the dashboards.
      const [row] = await manager.query(`SELECT article_id FROM comments WHERE id = $1`, [commentId]);
      this.emit(manager, { type: 'received', id: commentId, articleId: row?.article_id ?? null, status: e.toStatus, at: new Date().toISOString() });
    }
  }

  /** A moderator's approve or hide. 404 for an unknown comment, 409 (saying who moved it) for a stale version. */
  async decide(commentId: string, req: DecisionRequest, userId: string): Promise<ChangedComment> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(CommentEntity, { where: { id: commentId } });
      if (!current) throw new NotFoundException(`comment ${commentId} not found`);
      const to = HUMAN_TO[req.action];
      const keep = req.action === 'approve' && current.status === 'approved' && (await this.hasOpenReports(m, commentId));
      if (current.version === req.version && current.status === to && !keep) {
        return { id: current.id, status: current.status, version: current.version, fromStatus: current.status };
      }
      if (current.version === req.version && !keep && !HUMAN_FROM[req.action].includes(current.status)) {
        throw new ConflictException(`a ${current.status} comment cannot be ${to}`);
      }
      const changed =
        current.version === req.version
          ? await this.transition(m, {
              commentId,
              expectedVersion: req.version,
              from: keep ? KEEP_FROM : HUMAN_FROM[req.action],
              to,
              actor: { type: 'user', userId },
              reason: req.reason ?? (keep ? KEEP_REASON : null),
            })
          : null;
      if (!changed) throw await this.staleConflict(m, commentId);
      return changed;
    });
  }

  /**
   * Approve or hide many comments in one request and one transaction. Each item is version-checked on its own: a
   * stale, unknown or impossible item is reported and skipped, the others are decided. `details` go into each audit
   * event (a campaign decision names its campaign).
   */
  async bulkDecide(req: BulkDecisionRequest, userId: string, details: Record<string, unknown> = {}): Promise<BulkDecisionResponse> {
    const to = HUMAN_TO[req.action];
    const items = [...new Map(req.items.map((i) => [i.id, i])).values()].sort((a, b) => a.id.localeCompare(b.id));
    const results = await this.dataSource.transaction(async (m) => {
      const out: BulkDecisionItemResult[] = [];
      for (const item of items) {
        const current = await m.findOne(CommentEntity, { where: { id: item.id } });
        if (!current) {
          out.push({ id: item.id, result: 'not_found', message: 'no such comment' });
          continue;
        }
        const keep = req.action === 'approve' && current.status === 'approved' && (await this.hasOpenReports(m, item.id));
        if (current.version === item.version && current.status === to && !keep) {
          out.push({ id: item.id, result: 'ok', status: current.status, version: current.version });
          continue;
        }
        if (current.version === item.version && !keep && !HUMAN_FROM[req.action].includes(current.status)) {
          out.push({ id: item.id, result: 'invalid', status: current.status, version: current.version, message: `a ${current.status} comment cannot be ${to}` });
          continue;
        }
        const changed =
          current.version === item.version
            ? await this.transition(m, {
                commentId: item.id,
                expectedVersion: item.version,
                from: keep ? KEEP_FROM : HUMAN_FROM[req.action],
                to,
                actor: { type: 'user', userId },
                reason: req.reason ?? (keep ? KEEP_REASON : null),
                details: { bulk: true, ...details },
              })
            : null;
        if (changed) {
          out.push({ id: item.id, result: 'ok', status: changed.status, version: changed.version });
        } else {
          const who = await this.lastMover(m, item.id);
          out.push({
            id: item.id,
            result: 'conflict',
            status: who?.status,
            version: who?.version,
            decidedBy: who?.who ?? null,
            message: `changed since you loaded it: ${who?.who ?? 'someone else'} made it ${who?.status ?? 'different'}`,
          });
        }
      }
      return out;
    });
    // Answer in the order asked.
    const byId = new Map(results.map((r) => [r.id, r]));
    const ordered = req.items.map((i) => byId.get(i.id)!).filter((r, i, all) => all.indexOf(r) === i);
    const ok = ordered.filter((r) => r.result === 'ok').length;
    return { action: req.action, results: ordered, ok, failed: ordered.length - ok };
  }

  /**
   * A moderator's reply: a new comment in the same thread, author role "staff", parent = the comment, approved at
   * once (staff replies are not triaged). Both comments get an audit event that links the other.
   */
  async reply(commentId: string, body: string, user: { id: string; name: string }): Promise<ReplyResponse> {
    return this.dataSource.transaction(async (m) => {
      const parent = await m.findOne(CommentEntity, { where: { id: commentId } });
      if (!parent) throw new NotFoundException(`comment ${commentId} not found`);
      const [row] = await m.query(
        `INSERT INTO comments (article_id, parent_id, author_name, author_role, author_key, staff_user_id, body, status, decided_at)
         VALUES ($1, $2, $3, 'staff', $4, $5, $6, 'approved', now())
         RETURNING id, status`,
        [parent.articleId, parent.id, user.name, `staff:${user.id}`, user.id, body],
      );
      const actor: Actor = { type: 'user', userId: user.id };
      await this.record(m, row.id, { fromStatus: null, toStatus: 'approved', actor, reason: 'moderator reply', details: { inReplyTo: parent.id } });
      await this.record(m, parent.id, { fromStatus: null, toStatus: null, actor, reason: 'moderator replied', details: { replyId: row.id } });
      return { id: row.id, parentId: parent.id, status: row.status, authorName: user.name, authorRole: 'staff', body };
    });
  }

  /**
   * A reader reported a published comment (reports/ has stored the report in `manager`'s transaction): its audit
   * event, and a live event after COMMIT so open dashboards count it into the Reported queue.
   */
  async reported(manager: EntityManager, r: { commentId: string; articleId: string; reportId: string; reason: string; openReports: number }): Promise<void> {
    await this.record(manager, r.commentId, {
      fromStatus: null,
      toStatus: null,
      actor: { type: 'system' },
      reason: `reported by a reader: ${r.reason}`,
      details: { reportId: r.reportId },
    });
    this.emit(manager, { type: 'reported', id: r.commentId, articleId: r.articleId, reports: r.openReports, at: new Date().toISOString() });
  }

  private async hasOpenReports(m: EntityManager, commentId: string): Promise<boolean> {
    const [row] = await m.query(`SELECT EXISTS (SELECT 1 FROM comment_reports WHERE comment_id = $1 AND resolved_at IS NULL) AS open`, [commentId]);
    return row?.open === true;
  }

  private async lastMover(m: EntityManager, commentId: string): Promise<{ who: string; status: CommentStatus; version: number; at: Date | null } | null> {
    const rows: Array<{ status: CommentStatus; version: number; actor_type: string | null; name: string | null; at: Date | null }> = await m.query(
      `SELECT c.status, c.version, e.actor_type, u.name, e.created_at AS at
         FROM comments c
         LEFT JOIN LATERAL (SELECT * FROM moderation_events WHERE comment_id = c.id AND to_status IS NOT NULL
                            ORDER BY created_at DESC LIMIT 1) e ON true
         LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE c.id = $1`,
      [commentId],
    );
    const r = rows[0];
    if (!r) return null;
    const who = r.name ?? (r.actor_type === 'rule' ? 'the rules' : 'someone else');
    return { who, status: r.status, version: r.version, at: r.at };
  }

  private async staleConflict(m: EntityManager, commentId: string): Promise<ConflictException> {
    const r = await this.lastMover(m, commentId);
    const who = r?.who ?? 'someone else';
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `This comment changed since you loaded it: ${who} made it ${r?.status ?? 'different'}.`,
      current: r ? { status: r.status, version: r.version, decidedBy: who, decidedAt: r.at } : null,
    });
  }
}
