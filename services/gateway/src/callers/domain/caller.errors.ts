import { DomainError, type ErrorKind } from '@napl/domain';

export type CallerErrorCode = 'CSRF_TOKEN_MISSING' | 'PERMISSION_MISSING';

/** A signed-in caller may not do this (a write without the session's CSRF token, an API token without the permission). */
export class CallerError extends DomainError<CallerErrorCode> {
  constructor(code: CallerErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
