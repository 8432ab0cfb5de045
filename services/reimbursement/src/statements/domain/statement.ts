/**
 * A statement gathers a region's approved claim lines and claw-backs per period: open while lines can be added, payable
 * after its deadline, then paid. A payable or paid statement is never edited: a correction goes on the next open one.
 */
export type StatementStatus = 'open' | 'payable' | 'paid';

export function isEditable(status: StatementStatus): boolean {
  return status === 'open';
}

/** Open becomes payable once its deadline has passed; payable becomes paid when the payment is issued. */
export function nextStatus(status: StatementStatus, today: string, deadline: string): StatementStatus | null {
  if (status === 'open') return today > deadline ? 'payable' : null;
  if (status === 'payable') return 'paid';
  return null;
}

/**
 * A claim line's money, kept apart from its approval: paid, then, if the enrolment turns out not to count (cancelled,
 * no longer eligible), awaiting claw-back, then clawed back on a later statement.
 */
export type LinePaymentState = 'unpaid' | 'paid' | 'awaiting-claw-back' | 'clawed-back';

export function afterNoLongerCounting(state: LinePaymentState): LinePaymentState {
  // Before payment there is nothing to take back: the commitment is released instead.
  return state === 'paid' ? 'awaiting-claw-back' : state;
}

/** A statement covers a quarter; its deadline is the quarter's last day. */
export interface Period {
  readonly period: string;
  readonly deadline: string;
}

export function periodOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return quarterPeriod(year, quarter);
}

export function nextPeriod(period: string): Period {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter === 4 ? quarterPeriod(year + 1, 1) : quarterPeriod(year, quarter + 1);
}

function quarterPeriod(year: number, quarter: number): Period {
  const lastMonth = quarter * 3;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts the day).
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { period: `${year}-Q${quarter}`, deadline: `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` };
}

export type StatementItemKind = 'payment' | 'claw-back';

/** What a statement comes to: payments out, claw-backs back in, and the net the region receives (negative: owes). */
export function totalsOf(items: readonly { kind: string; amountCents: number }[]): { paymentsCents: number; clawBacksCents: number; netCents: number } {
  let payments = 0;
  let clawBacks = 0;
  for (const item of items) {
    if (item.kind === 'claw-back') clawBacks += item.amountCents;
    else payments += item.amountCents;
  }
  return { paymentsCents: payments, clawBacksCents: clawBacks, netCents: payments - clawBacks };
}

/** An amount in euros as Dutch finance systems read it: decimal comma, no thousands separator, no sign for euro. */
export function euroAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export interface ExportRow {
  readonly statementId: string;
  readonly period: string;
  readonly regionId: string;
  readonly claimId: string;
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly budgetYear: number;
  readonly kind: StatementItemKind;
  /** Signed: a claw-back counts against the region, so the column adds up to the statement's net. */
  readonly amountCents: number;
}

export const CSV_HEADER = ['overzicht', 'periode', 'regio', 'declaratie', 'regel', 'inschrijving', 'budgetjaar', 'soort', 'bedrag_centen', 'bedrag_euro'];
const KIND_TEXT: Record<StatementItemKind, string> = { payment: 'betaling', 'claw-back': 'terugvordering' };

/**
 * The statement as a semicolon-separated file with a header row, one row per item (the decimal comma of Dutch
 * amounts rules out the comma as separator). Fields are ids, codes and numbers; one with a separator, quote or line
 * break would be quoted, and one starting with a formula character prefixed, so no spreadsheet runs it.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_HEADER.join(';')];
  for (const row of rows) {
    lines.push(
      [row.statementId, row.period, row.regionId, row.claimId, row.lineNo, row.enrolmentId, row.budgetYear, KIND_TEXT[row.kind], row.amountCents, euroAmount(row.amountCents)]
        .map((field) => csvField(String(field)))
        .join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
