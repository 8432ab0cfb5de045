import { todayInAmsterdam } from '@napl/domain';

/*
 * Dates for tests, counted from today: a fixed date in a test is in the future when it is written and in the past
 * a year later, and then the test fails for no fault of the code. Days are calendar days in Europe/Amsterdam, the
 * zone the platform keeps its run dates and deadlines in.
 */

const DAY_MS = 86_400_000;

/** The calendar date `days` from today in Europe/Amsterdam (negative: before today), as YYYY-MM-DD. */
export function isoDateInDays(days: number, now: Date = new Date()): string {
  const [year, month, day] = todayInAmsterdam(now).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The moment `days` times 24 hours from now (negative: ago), for validity ends and other timestamps. */
export function daysFromNow(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Re-exported for tests: deadlines as a provider gives them. */
export { amsterdamTimestamp } from '@napl/domain';
