import type { AuthorRole, CommentStatus } from '@sift/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity.js';

@Entity({ name: 'comments' })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: CommentEntity | null;

  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  /** The author's id in the publisher's system, when it sent one. */
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId: string | null;

  @Column({ name: 'author_role', type: 'text', default: 'reader' })
  authorRole: AuthorRole;

  /**
   * Groups an author's comments (repeat/flood rules, author lists): `id:<authorId>` when the publisher sent one,
   * else `ip:<hashed IP>:<lower-cased name>`, else `name:<lower-cased name>`.
   */
  @Column({ name: 'author_key', type: 'text' })
  authorKey: string;

  /** For staff replies: the moderator who wrote it. */
  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true })
  staffUserId: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'pending' })
  status: CommentStatus;

  /** Optimistic lock: every status change bumps it (moderation.service.ts); a change against a stale version is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Queue priority derived from the triage hits (severity × score); highest first. */
  @Column({ type: 'real', default: 0 })
  priority: number;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** Salted hash of the poster's IP address (for rate limits and abuse review; the address itself is not kept). */
  @Column({ name: 'ip_hash', type: 'text', nullable: true })
  ipHash: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
