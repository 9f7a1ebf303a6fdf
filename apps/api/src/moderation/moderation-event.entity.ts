import type { ActorType, CommentStatus } from '@sift/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The audit log: one row per thing that happened to a comment, written in the same transaction as the change. */
@Entity({ name: 'moderation_events' })
export class ModerationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CommentStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: CommentStatus | null;

  @Column({ name: 'actor_type', type: 'text' })
  actorType: ActorType;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
