import {
  EnrolmentCancelledSchema,
  EnrolmentCompletedSchema,
  EnrolmentConfirmedSchema,
  EnrolmentNotCompletedSchema,
  EnrolmentPromotedSchema,
  EnrolmentWaitlistedSchema,
} from './gen/napl/enrolments/v1/enrolment_events_pb';
import { ParticipationStartedSchema } from './gen/napl/enrolments/v1/participation_events_pb';
import { defineEvent } from './event-contract';
import { TOPICS } from './topics';

const enrolmentFields = ['enrolment.enrolmentId', 'enrolment.teacherId', 'enrolment.runId', 'enrolment.offerId', 'enrolment.providerId'];

/** Events the enrolments service publishes. */
export const EnrolmentsEvents = {
  EnrolmentConfirmed: defineEvent(EnrolmentConfirmedSchema, TOPICS.enrolmentsEnrolment, enrolmentFields),
  EnrolmentWaitlisted: defineEvent(EnrolmentWaitlistedSchema, TOPICS.enrolmentsEnrolment, [...enrolmentFields, 'position']),
  EnrolmentPromoted: defineEvent(EnrolmentPromotedSchema, TOPICS.enrolmentsEnrolment, enrolmentFields),
  EnrolmentCancelled: defineEvent(EnrolmentCancelledSchema, TOPICS.enrolmentsEnrolment, [...enrolmentFields, 'cause']),
  EnrolmentCompleted: defineEvent(EnrolmentCompletedSchema, TOPICS.enrolmentsEnrolment, enrolmentFields),
  EnrolmentNotCompleted: defineEvent(EnrolmentNotCompletedSchema, TOPICS.enrolmentsEnrolment, enrolmentFields),
  ParticipationStarted: defineEvent(ParticipationStartedSchema, TOPICS.enrolmentsParticipation, [
    'teacherId',
    'enrolmentId',
    'runId',
    'startedOn',
  ]),
} as const;
