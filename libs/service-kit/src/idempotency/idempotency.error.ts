import { DomainError } from '@napl/domain';

export type IdempotencyErrorCode = 'IDEMPOTENCY_KEY_INVALID' | 'IDEMPOTENCY_KEY_REUSED';

export class IdempotencyError extends DomainError<IdempotencyErrorCode> {
  static invalid(): IdempotencyError {
    return new IdempotencyError('IDEMPOTENCY_KEY_INVALID', 'invalid', 'De Idempotency-Key moet 1 tot 255 zichtbare tekens lang zijn.');
  }

  static reused(): IdempotencyError {
    return new IdempotencyError(
      'IDEMPOTENCY_KEY_REUSED',
      'unprocessable',
      'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw verzoek.',
    );
  }
}
