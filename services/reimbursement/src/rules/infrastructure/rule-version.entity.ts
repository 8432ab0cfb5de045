import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * A version of the reimbursement rules (domain/reimbursement-rule.ts). A draft may change; a published version never
 * does (a database trigger refuses it), and no two published versions share a start date.
 */
@Entity({ name: 'rule_version' })
@Index('rule_version_published_valid_from', ['validFrom'], { unique: true, where: `status = 'published'` })
export class RuleVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** `draft` or `published`. */
  @Column({ type: 'text' })
  status: string;

  /** YYYY-MM-DD: applies to enrolments on or after this date, until the next published version's date. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'cost_types', type: 'text', array: true })
  costTypes: string[];

  @Column({ name: 'percentage_basis_points', type: 'integer' })
  percentageBasisPoints: number;

  @Column({ name: 'max_per_offer_cents', type: 'bigint', transformer: CENTS })
  maxPerParticipantPerOfferCents: number;

  @Column({ name: 'max_per_school_year_cents', type: 'bigint', transformer: CENTS })
  maxPerParticipantPerSchoolYearCents: number;

  /** `started` or `completed`. */
  @Column({ name: 'participation_kind', type: 'text' })
  participationKind: string;

  /** With `completed`: the share of the run's sessions attended, 0..100. */
  @Column({ name: 'minimum_attendance_percent', type: 'integer', nullable: true })
  minimumAttendancePercent: number | null;

  @Column({ name: 'review_above_cents', type: 'bigint', nullable: true, transformer: CENTS })
  reviewAboveCents: number | null;

  /** Why this version (the regulation it follows), shown beside it. */
  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
