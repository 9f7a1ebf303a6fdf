import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActorType, CommentStatus, DecisionRequest } from '@sift/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { CommentEntity } from '../comments/comment.entity.js';
import { ModerationEventEntity } from './moderation-event.entity.js';

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

/** Which statuses a human decision may start from (design.md, "Comment lifecycle"). */
const HUMAN_FROM: Record<DecisionRequest['action'], readonly CommentStatus[]> = {
  approve: ['pending', 'flagged', 'hidden'],
  hide: ['pending', 'flagged', 'approved'],
};
const HUMAN_TO: Record<DecisionRequest['action'], CommentStatus> = { approve: 'approved', hide: 'hidden' };

/**
 * The one place a comment's status changes. Every change is a conditional update on (id, version, status) and an
 * audit event, in the caller's transaction; a stale version changes nothing and returns null.
 */
@Injectable()
export class ModerationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transition(manager: EntityManager, change: StatusChange): Promise<ChangedComment | null> {
    // Wrapped in a CTE so the driver returns the rows (a bare UPDATE answers [rows, count]).
    const rows: Array<{ id: string; status: CommentStatus; version: number; from_status: CommentStatus }> =
      await manager.query(
        `WITH changed AS (
         UPDATE comments c
            SET status = $4, version = c.version + 1,
                decided_at = CASE WHEN $4 = 'pending' THEN c.decided_at ELSE now() END, priority = COALESCE($5, c.priority)
           FROM (SELECT id, status FROM comments WHERE id = $1 FOR UPDATE) old
          WHERE c.id = old.id AND c.version = $2 AND c.status = ANY($3)
      RETURNING c.id, c.status, c.version, old.status AS from_status)
         SELECT * FROM changed`,
        [change.commentId, change.expectedVersion, change.from, change.to, change.priority ?? null],
      );
    const row = rows[0];
    if (!row) return null;
    await this.record(manager, change.commentId, {
      fromStatus: row.from_status,
      toStatus: change.to,
      actor: change.actor,
      reason: change.reason ?? null,
      details: change.details ?? null,
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
  }

  /** A moderator's approve or hide. 404 for an unknown comment, 409 (saying who moved it) for a stale version. */
  async decide(commentId: string, req: DecisionRequest, userId: string): Promise<ChangedComment> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(CommentEntity, { where: { id: commentId } });
      if (!current) throw new NotFoundException(`comment ${commentId} not found`);
      const to = HUMAN_TO[req.action];
      if (current.version === req.version && current.status === to) {
        return { id: current.id, status: current.status, version: current.version, fromStatus: current.status };
      }
      if (current.version === req.version && !HUMAN_FROM[req.action].includes(current.status)) {
        throw new ConflictException(`a ${current.status} comment cannot be ${to}`);
      }
      const changed =
        current.version === req.version
          ? await this.transition(m, {
              commentId,
              expectedVersion: req.version,
              from: HUMAN_FROM[req.action],
              to,
              actor: { type: 'user', userId },
              reason: req.reason ?? null,
            })
          : null;
      if (!changed) throw await this.staleConflict(m, commentId);
      return changed;
    });
  }

  private async staleConflict(m: EntityManager, commentId: string): Promise<ConflictException> {
    const rows: Array<{ status: string; version: number; actor_type: string; name: string | null; at: Date }> =
      await m.query(
        `SELECT c.status, c.version, e.actor_type, u.name, e.created_at AS at
           FROM comments c
           LEFT JOIN LATERAL (SELECT * FROM moderation_events WHERE comment_id = c.id AND to_status IS NOT NULL
                              ORDER BY created_at DESC LIMIT 1) e ON true
           LEFT JOIN users u ON u.id = e.actor_user_id
          WHERE c.id = $1`,
        [commentId],
      );
    const r = rows[0];
    const who = r?.name ?? (r?.actor_type === 'rule' ? 'the rules' : 'someone else');
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `This comment changed since you loaded it: ${who} made it ${r?.status ?? 'different'}.`,
      current: r ? { status: r.status, version: r.version, decidedBy: who, decidedAt: r.at } : null,
    });
  }
}
