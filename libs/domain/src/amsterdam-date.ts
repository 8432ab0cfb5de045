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
