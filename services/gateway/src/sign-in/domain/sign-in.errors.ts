import { DomainError, type ErrorKind } from '@napl/domain';

export type SignInErrorCode = 'SIGN_IN_FAILED' | 'NOT_A_SESSION';

export class SignInError extends DomainError<SignInErrorCode> {
  constructor(code: SignInErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const signInFailed = (): SignInError =>
  new SignInError('SIGN_IN_FAILED', 'invalid', 'Aanmelden is niet gelukt of verlopen. Begin opnieuw bij /auth/login.');
