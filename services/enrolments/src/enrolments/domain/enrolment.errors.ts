import { DomainError, type ErrorKind } from '@napl/domain';

export type EnrolmentErrorCode =
  | 'INVALID_INPUT'
  | 'FORBIDDEN'
  | 'TEACHER_NOT_REGISTERED'
  | 'TEACHER_NOT_FOUND'
  | 'SCHOOL_UNKNOWN'
  | 'SCHOOL_MISMATCH'
  | 'SCHOOL_NOT_IN_ACCOUNT'
  | 'RUN_NOT_FOUND'
  | 'RUN_CANCELLED'
  | 'OFFER_NOT_OPEN'
  | 'DEADLINE_PASSED'
  | 'ALREADY_ENROLLED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOT_A_TEAM_PROGRAMME'
  | 'TEAM_DOES_NOT_FIT'
  | 'ENROLMENT_NOT_FOUND'
  | 'NOT_ACTIVE'
  | 'TOO_LATE_TO_CANCEL'
  | 'RUN_NOT_STARTED'
  | 'RUN_NOT_ENDED'
  | 'SESSION_OUT_OF_RANGE'
  | 'NOT_CONFIRMED'
  | 'RESULT_ALREADY_RECORDED';

/** A rule of enrolling said no; the message is Dutch and shown to the user. */
export class EnrolmentError extends DomainError<EnrolmentErrorCode> {
  constructor(code: EnrolmentErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
