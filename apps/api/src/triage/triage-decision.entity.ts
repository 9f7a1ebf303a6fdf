import type { CommentStatus } from '@sift/shared';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TriageFlagEntity } from './triage-flag.entity.js';

/** What the rule engine concluded about one comment. Unique per comment, so a re-run job leaves one decision. */
@Entity({ name: 'triage_decisions' })
export class TriageDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'comment_id', type: 'uuid', unique: true })
  commentId: string;

  /** The status the rules asked for (`pending` when nothing fired and auto-approve is off, or a rule errored). */
  @Column({ name: 'outcome_status', type: 'text' })
  outcomeStatus: CommentStatus;

  /** False when a human had already decided the comment, so the rules' outcome was recorded but not applied. */
  @Column({ type: 'boolean' })
  applied: boolean;

  /** `id@version` of every rule that ran, in order. */
  @Column({ name: 'rules_version', type: 'text' })
  rulesVersion: string;

  @Column({ name: 'hit_count', type: 'integer' })
  hitCount: number;

  @Column({ name: 'error_count', type: 'integer' })
  errorCount: number;

  @Column({ name: 'duration_ms', type: 'real' })
  durationMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => TriageFlagEntity, (f) => f.decision)
  flags?: Relation<TriageFlagEntity>[];
}
