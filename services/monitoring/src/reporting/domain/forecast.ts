import { addDays, daysBetween } from './school-year';

/**
 * When the participant target is reached at the current pace, and the pace needed to reach it in time.
 *
 * Method (named in FORECAST_METHOD, versioned with the rules): the last 365 days up to the as-of date are cut into
 * twelve periods of equal length ("months"); the pace is the mean number of new participants per period, and the band
 * is that mean plus and minus 1.96 standard errors (the spread of the twelve periods over √12), never below zero.
 * The target date follows by extending the pace in a straight line from today's cumulative count.
 */
export const FORECAST_METHOD =
  'Lineaire trend: gemiddeld aantal nieuwe deelnemers (eerste deelname) per maand over de laatste twaalf maanden tot de peildatum, ' +
  'doorgetrokken vanaf het huidige totaal. Band: 95%-interval van dat gemiddelde (± 1,96 × standaardfout over de twaalf maanden).';

export const FORECAST_PERIODS = 12;
export const FORECAST_WINDOW_DAYS = 365;
const DAYS_PER_PERIOD = FORECAST_WINDOW_DAYS / FORECAST_PERIODS;

export interface ForecastInput {
  /** The as-of date (YYYY-MM-DD). */
  readonly asOf: string;
  /** Teachers counted up to and including the as-of date. */
  readonly cumulative: number;
  /** New participants per start date within the last 365 days up to the as-of date (other dates are ignored). */
  readonly recent: readonly { readonly date: string; readonly count: number }[];
  readonly target: number;
  readonly targetDate: string;
}

export interface Forecast {
  readonly method: string;
  readonly target: number;
  readonly targetDate: string;
  readonly cumulative: number;
  readonly remaining: number;
  /** Mean new participants per month over the last twelve months, and its band. */
  readonly pacePerMonth: number;
  readonly paceBand: { readonly low: number; readonly high: number };
  /** New participants per month needed from the as-of date to reach the target on the target date; null once passed. */
  readonly requiredPacePerMonth: number | null;
  /** When the target is reached at the pace (null: never at a pace of zero), and the band's dates (slow, fast). */
  readonly expectedDate: string | null;
  readonly expectedDateBand: { readonly earliest: string | null; readonly latest: string | null };
  /** reached: the target is met; on-track: expected by the target date; behind: later or never. */
  readonly status: 'reached' | 'on-track' | 'behind';
}

function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The period (0 = the most recent) a date falls in, or undefined outside the window. */
function periodOf(asOf: string, date: string): number | undefined {
  const daysBefore = daysBetween(date, asOf);
  if (daysBefore < 0 || daysBefore >= FORECAST_WINDOW_DAYS) return undefined;
  return Math.floor(daysBefore / DAYS_PER_PERIOD);
}

/** Beyond this horizon a date says nothing useful (and would not fit a four-digit year): no date, as at a pace of zero. */
export const FORECAST_HORIZON_DAYS = 100 * 365;

function daysAtPace(remaining: number, perMonth: number): number | null {
  if (remaining <= 0) return 0;
  if (perMonth <= 0) return null;
  const days = Math.ceil((remaining / perMonth) * DAYS_PER_PERIOD);
  return days > FORECAST_HORIZON_DAYS ? null : days;
}

function dateAtPace(asOf: string, remaining: number, perMonth: number): string | null {
  const days = daysAtPace(remaining, perMonth);
  return days === null ? null : addDays(asOf, days);
}

export function forecastTarget(input: ForecastInput): Forecast {
  const periods = new Array<number>(FORECAST_PERIODS).fill(0);
  for (const { date, count } of input.recent) {
    const period = periodOf(input.asOf, date);
    if (period !== undefined) periods[period] += count;
  }
  const mean = periods.reduce((sum, count) => sum + count, 0) / FORECAST_PERIODS;
  const variance = periods.reduce((sum, count) => sum + (count - mean) ** 2, 0) / (FORECAST_PERIODS - 1);
  const margin = 1.96 * Math.sqrt(variance / FORECAST_PERIODS);
  const low = Math.max(0, mean - margin);
  const high = mean + margin;
  const remaining = Math.max(0, input.target - input.cumulative);
  const daysLeft = daysBetween(input.asOf, input.targetDate);
  const expectedDate = dateAtPace(input.asOf, remaining, mean);
  const daysNeeded = daysAtPace(remaining, mean);
  const status = remaining === 0 ? 'reached' : daysNeeded !== null && daysNeeded <= daysLeft ? 'on-track' : 'behind';
  return {
    method: FORECAST_METHOD,
    target: input.target,
    targetDate: input.targetDate,
    cumulative: input.cumulative,
    remaining,
    pacePerMonth: round(mean),
    paceBand: { low: round(low), high: round(high) },
    requiredPacePerMonth: remaining === 0 ? 0 : daysLeft > 0 ? round(remaining / (daysLeft / DAYS_PER_PERIOD)) : null,
    expectedDate,
    expectedDateBand: { earliest: dateAtPace(input.asOf, remaining, high), latest: dateAtPace(input.asOf, remaining, low) },
    status,
  };
}
