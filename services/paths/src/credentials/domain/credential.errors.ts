import { DomainError, type ErrorKind } from '@napl/domain';

export type CredentialErrorCode = 'INVALID_INPUT' | 'STEP_NOT_COMPLETED' | 'PATH_NOT_COMPLETED';

/** A rule of issuing credentials said no; the message is Dutch and shown to the user. */
export class CredentialError extends DomainError<CredentialErrorCode> {
  constructor(code: CredentialErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
