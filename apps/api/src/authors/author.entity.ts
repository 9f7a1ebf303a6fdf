import type { AuthorListStatus } from '@sift/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A reader the moderators have put on a list. `key` is the comments' `author_key`. */
@Entity({ name: 'authors' })
export class AuthorEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  status: AuthorListStatus | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
