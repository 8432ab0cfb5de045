import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A step or a whole path completed, or undone again (a withdrawn recognition), at a moment. Keyed by all four, so a
 * replay adds nothing; the state on a date is the latest milestone before it, whatever order they arrived in.
 */
@Entity({ name: 'path_milestone_fact' })
export class PathMilestoneFactEntity {
  @PrimaryColumn({ name: 'teacher_path_id', type: 'text' })
  teacherPathId: string;

  /** The step's code; empty for the whole path. */
  @PrimaryColumn({ name: 'step_code', type: 'text' })
  stepCode: string;

  @PrimaryColumn({ type: 'timestamptz' })
  at: Date;

  /** true: completed; false: no longer completed. */
  @PrimaryColumn({ type: 'boolean' })
  completed: boolean;
}
