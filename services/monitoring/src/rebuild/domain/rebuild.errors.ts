import { DomainError, type ErrorKind } from '@napl/domain';

export type RebuildErrorCode = 'REBUILD_RUNNING' | 'REBUILD_NOT_FOUND';

/** A rebuild request that cannot be honoured; the message is Dutch and shown to the user. */
export class RebuildError extends DomainError<RebuildErrorCode> {
  constructor(code: RebuildErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
