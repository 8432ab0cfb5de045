import { DomainError, type ErrorKind } from '@napl/domain';

export type QualityErrorCode =
  | 'FRAMEWORK_NOT_FOUND'
  | 'FRAMEWORK_INVALID'
  | 'ASSESSMENT_NOT_FOUND'
  | 'ASSESSMENT_CLOSED'
  | 'UNKNOWN_CRITERION'
  | 'CONFLICT_OF_INTEREST'
  | 'SCORES_INCOMPLETE'
  | 'REQUIRED_CRITERIA_NOT_MET'
  | 'DECISION_INVALID'
  | 'NO_CONFIRMATION_PENDING'
  | 'SAME_ASSESSOR'
  | 'MARK_NOT_FOUND'
  | 'MARK_NOT_VALID'
  | 'NO_OPEN_CONDITIONS'
  | 'LINK_EXISTS'
  | 'NOT_EVALUABLE'
  | 'ALREADY_EVALUATED'
  | 'OFFER_NOT_FOUND'
  | 'OUT_OF_SCOPE';

/** A rule of the quality service said no; the message is Dutch and shown to the user. */
export class QualityError extends DomainError<QualityErrorCode> {
  constructor(code: QualityErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
