import type { RuleAction, RuleMode, RuleType } from '@sift/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable snapshot of a rule as saved; triage flags name the version they ran. */
@Entity({ name: 'rule_versions' })
export class RuleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: RuleType;

  @Column({ type: 'jsonb' })
  config: Record<string, unknown>;

  @Column({ type: 'text' })
  action: RuleAction;

  @Column({ type: 'text' })
  mode: RuleMode;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'integer' })
  severity: number;

  @Column({ name: 'auto_demote', type: 'boolean', default: false })
  autoDemote: boolean;

  /** Why the version exists when it is not a plain edit ("rolled back to v2", "auto-demoted: …"). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
