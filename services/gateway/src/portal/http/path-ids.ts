import { NotFoundException } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from the address or a form is a uuid (the services' ids, the forms' idempotency keys). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The page does not exist (or is not for this user): the Dutch 404 page. */
export function notFound(): never {
  throw new NotFoundException();
}

/** An id from the address: a uuid, or the page does not exist. */
export function requireUuid(value: string): string {
  return isUuid(value) ? value : notFound();
}
