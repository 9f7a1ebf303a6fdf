import type { Evidence, FlagOutcome, RuleAction, RuleMode } from '@sift/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TriageDecisionEntity } from './triage-decision.entity.js';

/** One rule's hit (or error) inside a triage decision, with the rule version and evidence it produced. */
@Entity({ name: 'triage_flags' })
export class TriageFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => TriageDecisionEntity, (d) => d.flags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<TriageDecisionEntity>;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @Column({ name: 'rule_name', type: 'text' })
  ruleName: string;

  @Column({ name: 'rule_type', type: 'text' })
  ruleType: string;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  @Column({ type: 'text' })
  action: RuleAction;

  @Column({ type: 'text' })
  mode: RuleMode;

  @Column({ type: 'text' })
  outcome: FlagOutcome;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'double precision' })
  threshold: number;

  @Column({ type: 'jsonb' })
  evidence: Evidence;
}
