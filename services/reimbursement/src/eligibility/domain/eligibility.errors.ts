import { DomainError, type ErrorKind } from '@napl/domain';

export type EligibilityErrorCode = 'ENROLMENT_NOT_FOUND' | 'REGION_NOT_FOUND' | 'REVIEW_CASE_NOT_FOUND' | 'REVIEW_ALREADY_DECIDED' | 'ENROLMENT_ALREADY_CLAIMED' | 'NOTE_TOO_SHORT';

/** A rule of eligibility, costs or the review queue said no; the message is Dutch and shown to the user. */
export class EligibilityError extends DomainError<EligibilityErrorCode> {
  constructor(code: EligibilityErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const enrolmentNotFound = () => new EligibilityError('ENROLMENT_NOT_FOUND', 'not-found', 'Deze inschrijving is niet bekend bij de tegemoetkoming.');
export const regionNotFound = () => new EligibilityError('REGION_NOT_FOUND', 'not-found', 'Deze onderwijsregio bestaat niet.');
export const reviewCaseNotFound = () => new EligibilityError('REVIEW_CASE_NOT_FOUND', 'not-found', 'Deze beoordeling bestaat niet.');
