import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Site-wide moderation settings: a single row (id = 1). */
@Entity({ name: 'site_settings' })
export class SiteSettingsEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  /** Approve comments that no rule flags. Off: they wait in the Pending queue for a human. */
  @Column({ name: 'auto_approve', type: 'boolean', default: true })
  autoApprove: boolean;

  /** Hold every comment for a human, whatever the rules say (hide rules still hide). */
  @Column({ name: 'pre_moderate', type: 'boolean', default: false })
  preModerate: boolean;

  /** A live rule whose 7-day override rate is above this shows a warning (and may be auto-demoted). */
  @Column({ name: 'override_warn_rate', type: 'real', default: 0.5 })
  overrideWarnRate: number;

  /** Decided hits a rule needs before its override rate can warn. */
  @Column({ name: 'override_min_decided', type: 'integer', default: 10 })
  overrideMinDecided: number;

  /** A dashboard session unused this many minutes ends (auth/ reads it when renewing a session). */
  @Column({ name: 'session_idle_minutes', type: 'integer', default: 60 })
  sessionIdleMinutes: number;

  /** A retrained insult model promotes itself when it is better (rules/learned-models.service.ts `autoPromote`). */
  @Column({ name: 'learned_auto_promote', type: 'boolean', default: false })
  learnedAutoPromote: boolean;

  /** Bumped by every save; old values in `site_settings_versions`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
