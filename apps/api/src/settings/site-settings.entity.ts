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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
