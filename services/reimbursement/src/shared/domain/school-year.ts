/**
 * The Dutch school year runs from 1 August to 31 July; caps per participant per school year count in it. Dates are
 * calendar dates (YYYY-MM-DD) in Europe/Amsterdam, as the enrolment date is.
 */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** The calendar year of a date, for budgets per region per year. */
export function calendarYearOf(date: string): number {
  return Number(date.slice(0, 4));
}
