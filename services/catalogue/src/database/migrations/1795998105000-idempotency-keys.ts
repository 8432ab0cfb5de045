import { IdempotencyKeysMigration } from '@napl/service-kit';

export class IdempotencyKeys1795998105000 extends IdempotencyKeysMigration {}
