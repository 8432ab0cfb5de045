import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MarkStatus } from '../domain/mark-validity';

/**
 * A quality mark of one offer version, valid until `valid_until` unless revoked or superseded earlier; a mark with
 * conditions is revoked when they are not declared met by the end of `conditions_deadline` (Europe/Amsterdam).
 */
@Entity({ name: 'quality_mark' })
@Index('IDX_quality_mark_due', ['status', 'validUntil'])
@Index('IDX_quality_mark_offer', ['offerId', 'offerVersion'])
// The scheduler's search for valid marks whose conditions were not met in time.
@Index('IDX_quality_mark_conditions_due', ['conditionsDeadline'], {
  where: "status = 'valid' AND conditions_deadline IS NOT NULL AND conditions_fulfilled_at IS NULL",
})
export class QualityMarkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'framework_version', type: 'integer' })
  frameworkVersion: number;

  @Column({ type: 'text' })
  status: MarkStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions: string[];

  @Column({ name: 'conditions_deadline', type: 'date', nullable: true })
  conditionsDeadline: string | null;

  /** When an assessor declared the conditions met; until then the mark lapses after the deadline day. */
  @Column({ name: 'conditions_fulfilled_at', type: 'timestamptz', nullable: true })
  conditionsFulfilledAt: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;
}
