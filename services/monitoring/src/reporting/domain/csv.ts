/** One line of an export: every table flattens to these columns, so one reader takes every export. */
export interface ExportRow {
  /** The part of the table: a split (sector, region, …), a year, or a total. */
  readonly section: string;
  /** The cell within it (po, utrecht-stad, 2026-2027, …); empty for a total. */
  readonly key: string;
  readonly measure: string;
  /** A number, a text (a date), or null when suppressed or unknown. */
  readonly value: number | string | null;
  /** Why the value is empty: small, complement, or empty. */
  readonly suppressed: string | null;
}

export const EXPORT_COLUMNS = ['as_of', 'rules_version', 'table', 'section', 'key', 'measure', 'value', 'suppressed'] as const;

/**
 * A field as RFC 4180 has it: quoted when it holds a comma, quote or line break. A field that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe (OWASP's CSV injection advice);
 * negative numbers are written as numbers and keep their minus.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of a table: a header, then a line per row, each carrying the as-of date and the rules version. */
export function toCsv(meta: { asOf: string; rulesVersion: string; table: string }, rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push([meta.asOf, meta.rulesVersion, meta.table, row.section, row.key, row.measure, row.value, row.suppressed].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
