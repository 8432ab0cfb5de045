// ISO 8601 has many forms (week dates 2027-W05-3, ordinal dates 2027-035, basic format 20270120, expanded years
// +002027-01-20) that JavaScript's Date cannot read: new Date() gives Invalid Date, and the code that formats or
// compares it throws. The platform accepts one form of each: the calendar date and the RFC 3339 timestamp.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 (section 5.6) with an upper-case T and Z, a required offset, and no leap second (Date cannot read :60).
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A calendar date YYYY-MM-DD that exists (no 2027-02-30, no year 0000). */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Date rolls 2027-02-30 over into March; a date that exists reads back unchanged.
  const read = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(read.getTime()) && read.toISOString().slice(0, 10) === text;
}

/** An RFC 3339 timestamp with its offset (2027-01-20T23:59:00+01:00, 2027-01-20T22:59:00Z) on a date that exists. */
export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  return match !== null && isCalendarDate(match[1]) && !Number.isNaN(Date.parse(text));
}
