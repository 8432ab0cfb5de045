import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SectorCode } from '../domain/teacher';

/**
 * A teacher, known by the platform's pseudonymous id (never a BSN). Name and e-mail are the only personal
 * data of the platform; erasure blanks them and keeps the row, so enrolments and counts stay intact.
 */
@Entity({ name: 'teacher' })
export class TeacherEntity {
  @PrimaryColumn({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  /** Null until the teacher sets it: a profile made on the first enrolment knows only what the token says. */
  @Column({ type: 'text', nullable: true })
  sector: SectorCode | null;

  @Column({ name: 'school_id', type: 'text' })
  schoolId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;

  /** The day the teacher became an NAPL participant (first started participation); set once. */
  @Column({ name: 'participant_since', type: 'date', nullable: true })
  participantSince: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
