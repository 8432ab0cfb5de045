import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * Costs of an enrolment beyond the run's price that the region declares for its school: materials, study-leave hours
 * and substitute cover, in cents. Which of them count is the rule version's business.
 */
@Entity({ name: 'declared_costs' })
export class DeclaredCostsEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'materials_cents', type: 'bigint', default: 0, transformer: CENTS })
  materialsCents: number;

  @Column({ name: 'study_leave_cents', type: 'bigint', default: 0, transformer: CENTS })
  studyLeaveCents: number;

  @Column({ name: 'substitute_cover_cents', type: 'bigint', default: 0, transformer: CENTS })
  substituteCoverCents: number;

  /** The token subject of the region's user who declared them. */
  @Column({ name: 'declared_by', type: 'text' })
  declaredBy: string;

  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' })
  declaredAt: Date;
}
