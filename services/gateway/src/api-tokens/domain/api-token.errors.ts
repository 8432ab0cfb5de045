import { DomainError, type ErrorKind } from '@napl/domain';

export type ApiTokenErrorCode = 'API_TOKEN_NOT_FOUND' | 'API_TOKEN_NOT_USABLE' | 'NO_PROVIDER_SCOPE';

export class ApiTokenError extends DomainError<ApiTokenErrorCode> {
  constructor(code: ApiTokenErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const apiTokenNotFound = (): ApiTokenError => new ApiTokenError('API_TOKEN_NOT_FOUND', 'not-found', 'Dit API-token bestaat niet.');
