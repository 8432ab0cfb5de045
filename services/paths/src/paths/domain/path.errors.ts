import { DomainError, type ErrorKind } from '@napl/domain';

export type PathErrorCode =
  | 'INVALID_DEFINITION'
  | 'PATH_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'VERSION_NOT_DRAFT'
  | 'STEP_NOT_FOUND';

/** A rule of path definitions said no; the message is Dutch and shown to the user. */
export class PathError extends DomainError<PathErrorCode> {
  constructor(code: PathErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
