/** Numbers, money and dates the Dutch way (60.000; € 1.234,56; 3 februari 2027), in the Netherlands' time zone. */
const NUMBER = new Intl.NumberFormat('nl-NL');
const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : NUMBER.format(value);
}

/** Money is integer cents everywhere in the platform. */
export function formatEuro(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '–' : EURO.format(cents / 100);
}

/** A fraction (0.25) as a percentage (25%). */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? '–' : PERCENT.format(fraction);
}

/** A calendar date (2027-02-03) or a timestamp, as a date in words. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  // A calendar date names a day, not a moment: read it at noon UTC so no time zone moves it to another day.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/** Euros as a person types them (1.234,56 or 1234.56 or 1234) in cents, or undefined when it is not an amount. */
export function parseEuroToCents(text: string): number | undefined {
  const cleaned = text.replace(/[€\s]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(cleaned)) return undefined;
  const normalised = /,\d{1,2}$/.test(cleaned) || /^\d{1,3}(\.\d{3})+$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(',', '.');
  const cents = Math.round(Number(normalised) * 100);
  return Number.isSafeInteger(cents) ? cents : undefined;
}
