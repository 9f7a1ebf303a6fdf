import type { RuleAction, RuleMode, RuleType } from '@sift/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A rule is data: its type names the pure function that runs it, its config is that function's input. */
@Entity({ name: 'rules' })
export class RuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: RuleType;

  @Column({ type: 'jsonb' })
  config: Record<string, unknown>;

  @Column({ type: 'text' })
  action: RuleAction;

  @Column({ type: 'text', default: 'live' })
  mode: RuleMode;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'integer', default: 1 })
  severity: number;

  /** Drop from hide to flag when the 7-day override rate passes the site's warning level (recorded as a version). */
  @Column({ name: 'auto_demote', type: 'boolean', default: false })
  autoDemote: boolean;

  /** Bumped by every save; the old state is kept in `rule_versions`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
