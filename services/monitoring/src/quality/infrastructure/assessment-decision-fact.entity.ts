import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Quality's decision on an assessment: the offer version approved or rejected. One per assessment. */
@Entity({ name: 'assessment_decision_fact' })
export class AssessmentDecisionFactEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'text' })
  assessmentId: string;

  @Column({ name: 'offer_id', type: 'text' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ type: 'boolean' })
  approved: boolean;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
