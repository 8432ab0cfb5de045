import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A development path (for example startbekwaam → vakbekwaam); its steps live in its versions. */
@Entity({ name: 'path' })
export class PathEntity {
  @PrimaryColumn({ name: 'path_id', type: 'uuid' })
  pathId: string;

  /** A stable, readable code (`startbekwaam-vakbekwaam`), unique. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
