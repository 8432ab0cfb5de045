import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A teacher's path, from any event of it: the earliest event time is when it started (PathStarted, if it came). */
@Entity({ name: 'teacher_path_fact' })
export class TeacherPathFactEntity {
  @PrimaryColumn({ name: 'teacher_path_id', type: 'text' })
  teacherPathId: string;

  @Column({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  @Column({ name: 'path_id', type: 'text' })
  pathId: string;

  @Column({ name: 'path_code', type: 'text' })
  pathCode: string;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;
}
