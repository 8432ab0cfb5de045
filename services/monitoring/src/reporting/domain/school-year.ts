/**
 * Dutch school years run from 1 August to 31 July; the label names both calendar years ("2026-2027").
 * Dates are calendar dates (YYYY-MM-DD) in Europe/Amsterdam.
 */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** The first day of a school year (`2026-2027` → 2026-08-01). */
export function schoolYearStart(label: string): string {
  return `${label.slice(0, 4)}-08-01`;
}

/** The school years from `first` up to and including `last`, in order. */
export function schoolYearsBetween(first: string, last: string): string[] {
  const years: string[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) years.push(`${year}-${year + 1}`);
  return years;
}

/** The day after a calendar date: figures as of a date count what happened before that day ended. */
export function dayAfter(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
