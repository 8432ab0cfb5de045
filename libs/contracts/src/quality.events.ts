import {
  AssessmentOpenedSchema,
  OfferApprovedSchema,
  OfferRejectedSchema,
  ReassessmentRequiredSchema,
} from './gen/napl/quality/v1/assessment_events_pb';
import { MarkExpiredSchema, MarkRevokedSchema } from './gen/napl/quality/v1/mark_events_pb';
import { defineEvent } from './event-contract';
import { TOPICS } from './topics';

const decisionFields = ['assessmentId', 'offerId', 'offerVersion', 'providerId'];
const markFields = ['markId', 'offerId', 'offerVersion'];

/** Events the quality service publishes. */
export const QualityEvents = {
  AssessmentOpened: defineEvent(AssessmentOpenedSchema, TOPICS.qualityAssessment, decisionFields),
  OfferApproved: defineEvent(OfferApprovedSchema, TOPICS.qualityAssessment, [...decisionFields, 'markId', 'validUntil']),
  OfferRejected: defineEvent(OfferRejectedSchema, TOPICS.qualityAssessment, decisionFields),
  ReassessmentRequired: defineEvent(ReassessmentRequiredSchema, TOPICS.qualityAssessment, ['offerId', 'offerVersion']),
  MarkExpired: defineEvent(MarkExpiredSchema, TOPICS.qualityMark, markFields),
  MarkRevoked: defineEvent(MarkRevokedSchema, TOPICS.qualityMark, markFields),
} as const;
