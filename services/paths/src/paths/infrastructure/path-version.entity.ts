import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PathVersionContent, PathVersionStatus } from '../domain/path-definition';

/**
 * One version of a path: its phases and steps as one document (jsonb), since a published version is never edited and
 * is always read whole. Drafts change until they are published.
 */
@Entity({ name: 'path_version' })
export class PathVersionEntity {
  @PrimaryColumn({ name: 'path_id', type: 'uuid' })
  pathId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  status: PathVersionStatus;

  @Column({ type: 'jsonb' })
  content: PathVersionContent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
