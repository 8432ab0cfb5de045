import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A teacher on a path, on the version they started or moved to. Progress is derived (see path-progress.ts). */
@Entity({ name: 'teacher_path' })
@Index(['teacherId', 'pathId'], { unique: true })
@Index(['schoolId'])
export class TeacherPathEntity {
  @PrimaryColumn({ name: 'teacher_path_id', type: 'uuid' })
  teacherPathId: string;

  /** The platform's pseudonymous teacher id. */
  @Column({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  /** BRIN + location of the teacher's school when they started, for the school leader's team view. */
  @Column({ name: 'school_id', type: 'text', nullable: true })
  schoolId: string | null;

  @Column({ type: 'text' })
  sector: string;

  @Column({ name: 'path_id', type: 'uuid' })
  pathId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /**
   * The steps completed as last announced in events: progress is derived, and comparing it with this set says which
   * StepCompleted / PathCompleted events a change causes, once, however often the change is applied.
   */
  @Column({ name: 'completed_step_codes', type: 'text', array: true, default: () => "'{}'" })
  completedStepCodes: string[];

  /** Set when the last step completed; cleared again if a withdrawn recognition reopens a step. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
