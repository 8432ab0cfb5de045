import { DomainError, type ErrorKind } from '@napl/domain';

export type CatalogueErrorCode =
  | 'PROVIDER_NOT_REGISTERED'
  | 'PROVIDER_NOT_FOUND'
  | 'PROVIDER_SCOPE_MISSING'
  | 'KVK_NUMBER_INVALID'
  | 'OFFER_NOT_FOUND'
  | 'OFFER_VERSION_NOT_FOUND'
  | 'OFFER_OF_OTHER_PROVIDER'
  | 'OFFER_INVALID'
  | 'OFFER_NOT_EDITABLE'
  | 'OFFER_NOT_SUBMITTABLE'
  | 'OFFER_RULES_NOT_MET'
  | 'OFFER_NOT_WITHDRAWABLE'
  | 'OFFER_NOT_WITHDRAWN'
  | 'OFFER_NOT_DELETABLE'
  | 'OFFER_NOT_PUBLISHED'
  | 'RUN_NOT_FOUND'
  | 'RUN_INVALID'
  | 'RUN_CANCELLED'
  | 'RUN_DATE_IN_PAST'
  | 'RUN_ENDED'
  | 'CAPACITY_BELOW_ENROLLED'
  | 'CURSOR_INVALID';

/** A catalogue rule said no; the message is Dutch and shown to the user. */
export class CatalogueError extends DomainError<CatalogueErrorCode> {
  constructor(code: CatalogueErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
