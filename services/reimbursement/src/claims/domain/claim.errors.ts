import { DomainError, type ErrorKind } from '@napl/domain';

export type ClaimErrorCode =
  | 'CLAIM_NOT_FOUND'
  | 'NO_REGION'
  | 'CLAIM_NOT_DRAFT'
  | 'CLAIM_NOT_SUBMITTED'
  | 'CLAIM_ALREADY_DECIDED'
  | 'CLAIM_NOT_DECIDED'
  | 'LINES_NOT_IN_REGION'
  | 'LINES_REFUSED'
  | 'LINE_ALREADY_CLAIMED'
  | 'INVALID_DECISION'
  | 'AMENDMENT_NOTE_REQUIRED'
  | 'BUDGET_EXCEEDED';

/** A rule of claims said no; the message is Dutch and shown to the user. */
export class ClaimError extends DomainError<ClaimErrorCode> {
  constructor(code: ClaimErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const claimNotFound = () => new ClaimError('CLAIM_NOT_FOUND', 'not-found', 'Deze declaratie bestaat niet.');
