import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published version of the quality framework; never changed after publication. */
@Entity({ name: 'framework_version' })
export class FrameworkVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  notes: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy: string;
}

@Entity({ name: 'framework_criterion' })
export class FrameworkCriterionEntity {
  @PrimaryColumn({ name: 'framework_version', type: 'integer' })
  frameworkVersion: number;

  @PrimaryColumn({ type: 'text' })
  code: string;

  /** Order in which the criteria are shown and scored. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'boolean' })
  required: boolean;
}
