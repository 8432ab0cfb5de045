/** The platform's calendar: run dates, deadlines and participation dates are days in this time zone. */
export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it. The date is put
// together from its parts rather than relying on some locale's pattern happening to be YYYY-MM-DD.
const dayParts = new Intl.DateTimeFormat('en-US', { timeZone: AMSTERDAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Europe/Amsterdam on which `moment` falls, as ISO 8601 (YYYY-MM-DD). */
export function amsterdamDate(moment: Date): string {
  const parts = dayParts.formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Today's date in Europe/Amsterdam (YYYY-MM-DD); pass `now` to ask for another moment's day. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return amsterdamDate(now);
}

const offsetParts = new Intl.DateTimeFormat('en-US', { timeZone: AMSTERDAM_TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * A wall-clock time on a date in Europe/Amsterdam as an ISO 8601 timestamp with that day's offset, e.g.
 * `2027-02-15T23:59:00+01:00` in winter and `…+02:00` in summer: an enrolment deadline as a provider gives it.
 */
export function amsterdamTimestamp(isoDate: string, time = '23:59'): string {
  // At noon UTC the day's offset holds: the clocks change at night.
  const zone = offsetParts.formatToParts(new Date(`${isoDate}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')!.value;
  return `${isoDate}T${time}:00${zone === 'GMT' ? '+00:00' : zone.slice(3)}`;
}
