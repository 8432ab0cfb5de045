import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A completed enrolment: its teacher may evaluate the offer once. Fed by EnrolmentCompleted. */
@Entity({ name: 'evaluation_invitation' })
@Index('IDX_evaluation_invitation_teacher', ['teacherId'])
export class EvaluationInvitationEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  /** Pseudonymous teacher id; no other personal data is kept. */
  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  /** Null when the enrolment event did not name the provider. */
  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}

/** One teacher's answers for one enrolment. */
@Entity({ name: 'evaluation' })
@Index('IDX_evaluation_offer', ['offerId', 'submittedAt'])
export class EvaluationEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  /** Null when the enrolment event did not name the provider. */
  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @Column({ type: 'smallint' })
  relevance: number;

  @Column({ name: 'teaching_effect', type: 'smallint' })
  teachingEffect: number;

  @Column({ name: 'trainer_quality', type: 'smallint' })
  trainerQuality: number;

  @Column({ name: 'would_recommend', type: 'smallint' })
  wouldRecommend: number;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}

/**
 * Per offer: since when evaluations count towards the threshold (the last re-assessment decision) and whether a
 * re-assessment has been announced since. The row is locked while a response is checked, so one signal goes out.
 */
@Entity({ name: 'offer_evaluation_state' })
export class OfferEvaluationStateEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'counted_from', type: 'timestamptz' })
  countedFrom: Date;

  @Column({ name: 'reassessment_required_at', type: 'timestamptz', nullable: true })
  reassessmentRequiredAt: Date | null;
}
