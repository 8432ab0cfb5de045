import { amsterdamDate } from '@napl/domain';

/**
 * An offer qualifies when it held a valid quality mark on the enrolment date (Europe/Amsterdam calendar days): the mark
 * was granted on or before that day, its validity runs until after it, and it had not ended (expired or been revoked)
 * by then. A mark whose grant has not arrived yet (only its end is known) does not count.
 */
export interface MarkFacts {
  readonly grantedAt: Date | null;
  readonly validUntil: Date;
  readonly endedAt: Date | null;
}

export function heldValidMarkOn(mark: MarkFacts, date: string): boolean {
  if (!mark.grantedAt || amsterdamDate(mark.grantedAt) > date) return false;
  if (date >= amsterdamDate(mark.validUntil)) return false;
  return mark.endedAt === null || date < amsterdamDate(mark.endedAt);
}
