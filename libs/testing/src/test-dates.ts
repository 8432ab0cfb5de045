import { AMSTERDAM_TIME_ZONE, todayInAmsterdam } from '@napl/domain';

/*
 * Dates for tests, counted from today: a fixed date in a test is in the future when it is written and in the past
 * a year later, and then the test fails for no fault of the code. Days are calendar days in Europe/Amsterdam, the
 * zone the platform keeps its run dates and deadlines in.
 */

const DAY_MS = 86_400_000;

const offsetParts = new Intl.DateTimeFormat('en-US', { timeZone: AMSTERDAM_TIME_ZONE, timeZoneName: 'longOffset' });

/** The calendar date `days` from today in Europe/Amsterdam (negative: before today), as YYYY-MM-DD. */
export function isoDateInDays(days: number, now: Date = new Date()): string {
  const [year, month, day] = todayInAmsterdam(now).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The moment `days` times 24 hours from now (negative: ago), for validity ends and other timestamps. */
export function daysFromNow(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * A wall-clock time on a date in Europe/Amsterdam as an ISO 8601 timestamp with that day's offset, e.g.
 * `2027-02-15T23:59:00+01:00` in winter and `…+02:00` in summer: an enrolment deadline as a provider gives it.
 */
export function amsterdamTimestamp(isoDate: string, time = '23:59'): string {
  // At noon UTC the day's offset holds: the clocks change at night.
  const zone = offsetParts.formatToParts(new Date(`${isoDate}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')!.value;
  return `${isoDate}T${time}:00${zone === 'GMT' ? '+00:00' : zone.slice(3)}`;
}
