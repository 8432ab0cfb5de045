import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A development path as its newest published version names it (PathVersionPublished): for the figures' labels. */
@Entity({ name: 'path_fact' })
export class PathFactEntity {
  @PrimaryColumn({ name: 'path_id', type: 'text' })
  pathId: string;

  @Column({ name: 'path_code', type: 'text' })
  pathCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'integer' })
  version: number;
}
