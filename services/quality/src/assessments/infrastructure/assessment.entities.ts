import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AssessmentStatus, Outcome, ProposedDecision } from '../domain/decision';

/** One assessment case: an offer version judged against one framework version. */
@Entity({ name: 'assessment' })
@Index('IDX_assessment_offer', ['offerId', 'offerVersion'])
@Index('IDX_assessment_status', ['status', 'openedAt'])
export class AssessmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'offer_title', type: 'text' })
  offerTitle: string;

  /** A provider's submission, or a re-assessment after evaluations fell below the threshold. */
  @Column({ type: 'text' })
  kind: 'submission' | 'reassessment';

  @Column({ name: 'framework_version', type: 'integer' })
  frameworkVersion: number;

  @Column({ type: 'text' })
  status: AssessmentStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /** With four eyes: the first assessor's decision, waiting for a second assessor. */
  @Column({ type: 'jsonb', nullable: true })
  proposal: (ProposedDecision & { proposedBy: string; proposedAt: string }) | null;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  conditions: string[];

  @Column({ name: 'conditions_deadline', type: 'date', nullable: true })
  conditionsDeadline: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'mark_id', type: 'uuid', nullable: true })
  markId: string | null;
}

/** An assessor's judgement of one criterion; a later score of the same criterion replaces it (history keeps both). */
@Entity({ name: 'criterion_score' })
export class CriterionScoreEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @PrimaryColumn({ name: 'criterion_code', type: 'text' })
  criterionCode: string;

  @Column({ type: 'boolean' })
  met: boolean;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'text' })
  justification: string;

  @Column({ name: 'scored_by', type: 'text' })
  scoredBy: string;

  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt: Date;
}

/** An assessor linked to a provider (employed, advising, ...) may not judge that provider's offers. */
@Entity({ name: 'assessor_link' })
export class AssessorLinkEntity {
  @PrimaryColumn({ name: 'assessor_subject', type: 'text' })
  assessorSubject: string;

  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
