import { IdempotencyKeysMigration } from '@napl/service-kit';

/** Idempotency-Key for the POSTs that create claims and move money (see libs/service-kit/src/idempotency). */
export class IdempotencyKeys1796400000300 extends IdempotencyKeysMigration {}
