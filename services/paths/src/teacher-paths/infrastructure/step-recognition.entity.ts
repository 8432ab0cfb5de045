import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A step completed by recognition of prior learning (EVC), with its evidence and reason; a withdrawal keeps the row
 * and adds why, so the step's history shows both.
 */
@Entity({ name: 'step_recognition' })
@Index(['teacherPathId', 'stepCode'])
export class StepRecognitionEntity {
  @PrimaryColumn({ name: 'recognition_id', type: 'uuid' })
  recognitionId: string;

  @Column({ name: 'teacher_path_id', type: 'uuid' })
  teacherPathId: string;

  @Column({ name: 'step_code', type: 'text' })
  stepCode: string;

  /** Where the evidence is (a file number or link in the school's own records), not the evidence itself. */
  @Column({ name: 'evidence_reference', type: 'text' })
  evidenceReference: string;

  @Column({ type: 'text' })
  reason: string;

  /** Role and token subject of who recognised it (assessor or the teacher's school leader). */
  @Column({ name: 'recognised_by_role', type: 'text' })
  recognisedByRole: string;

  @Column({ name: 'recognised_by', type: 'text' })
  recognisedBy: string;

  @Column({ name: 'recognised_at', type: 'timestamptz' })
  recognisedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'text', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;
}
