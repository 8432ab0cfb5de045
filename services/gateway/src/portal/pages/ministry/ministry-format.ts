import type { Principal } from '@napl/auth';
import type { PortalApi } from '../../application/portal-api';
import { formatNumber } from '../../ui/format';

/** What the ministry's pages share: reading dates as people type them, figures that may be suppressed, region names. */

/**
 * A date as a person types it (31-01-2027, 31-1-2027 or 2027-01-31) as a calendar date (2027-01-31), or undefined
 * when it is not a date that exists.
 */
export function parseCalendarDate(text: string): string | undefined {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** Today in the Netherlands, as a calendar date. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** One cell of the monitoring figures: null with `suppressed` when fewer than 5 teachers (or derivable from others). */
export interface FigureCell {
  readonly key: string;
  readonly value: number | null;
  readonly suppressed: 'small' | 'complement' | null;
}

export interface Breakdown {
  readonly total: number | null;
  readonly totalSuppressed: 'small' | 'complement' | null;
  readonly cells: readonly FigureCell[];
}

/** A figure for a table: a suppressed cell says so (never 0). */
export function figureText(value: number | null, suppressed: string | null): string {
  if (suppressed === 'small') return 'Afgeschermd (minder dan 5)';
  if (suppressed === 'complement') return 'Afgeschermd (af te leiden)';
  return formatNumber(value);
}

export interface Region {
  readonly regionId: string;
  readonly name: string;
  readonly kind: 'area' | 'national';
  readonly leadApplicant: string;
  readonly active: boolean;
}


/** Every education region (about fifty), in the service's order (by id). */
export function allRegions(api: PortalApi, principal: Principal): Promise<Region[]> {
  return api.getAll<Region>(principal, 'reimbursement', '/v1/regions');
}

/** A region's name for its id (the id itself when the region is unknown). */
export function regionNamer(regions: readonly Region[]): (regionId: string | null) => string {
  const names = new Map(regions.map((region) => [region.regionId, region.name]));
  return (regionId) => (regionId ? (names.get(regionId) ?? regionId) : '–');
}

/** The query of a list page with one parameter changed (paging keeps the filters). */
export function hrefWith(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A path parameter that must be a UUID (otherwise the page is not found). */
export { isUuid } from '../../http/path-ids';
