import { DomainError, type ErrorKind } from '@napl/domain';

export type RegionErrorCode =
  | 'INVALID_REGION_ID'
  | 'INVALID_SCHOOL_ID'
  | 'INVALID_YEAR'
  | 'REGION_NOT_FOUND'
  | 'REGION_EXISTS'
  | 'REGION_NOT_YOURS'
  | 'REGION_CLOSED'
  | 'SCHOOL_LOCATION_NOT_FOUND'
  | 'TRANCHE_NOT_FOUND'
  | 'TRANCHE_ALREADY_RELEASED'
  | 'TRANCHE_NOT_CONDITIONAL'
  | 'TRANCHE_NOT_RELEASED'
  | 'YEAR_OUTSIDE_TRANCHES'
  | 'TRANCHE_EXCEEDED'
  | 'BELOW_USED_BUDGET';

/** A rule of regions and budgets said no; the message is Dutch and shown to the user. */
export class RegionError extends DomainError<RegionErrorCode> {
  constructor(code: RegionErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const regionNotFound = () => new RegionError('REGION_NOT_FOUND', 'not-found', 'Deze onderwijsregio bestaat niet.');
export const schoolLocationNotFound = () => new RegionError('SCHOOL_LOCATION_NOT_FOUND', 'not-found', 'Deze schoolvestiging hoort bij geen onderwijsregio.');
export const trancheNotFound = () => new RegionError('TRANCHE_NOT_FOUND', 'not-found', 'Deze tranche van het landelijke budget bestaat niet.');
/** The list of regions is public, so another region's budget or school list is refused, not hidden. */
export const regionNotYours = () => new RegionError('REGION_NOT_YOURS', 'forbidden', 'Dit is niet uw onderwijsregio: u ziet alleen de gegevens van uw eigen regio.');
