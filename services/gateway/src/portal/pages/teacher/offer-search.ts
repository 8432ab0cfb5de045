import type { FieldError } from '../../ui/components';
import { FORMAT_NAMES, SECTOR_NAMES } from './teacher-data';

/** The search form's fields as typed (kept in the form) and, when valid, as the catalogue's search query. */
export interface SearchForm {
  readonly q: string;
  readonly sector: string;
  readonly region: string;
  readonly pathStep: string;
  readonly format: string;
  readonly startsFrom: string;
  readonly startsUntil: string;
  readonly openPlaces: boolean;
  readonly page: number;
}

export const PAGE_SIZE = 10;

/** The catalogue's query for a valid form. */
export interface SearchQuery {
  readonly [name: string]: string | number | undefined;
}

const first = (value: unknown): string => {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'string' ? item.trim() : '';
};

/** A date as a person types it (2027-01-31, 31-1-2027 or 31/01/2027) as 2027-01-31, or undefined when it is no date. */
export function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!year || !month || !day) return undefined;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T12:00:00Z`);
  // new Date rolls 31 February over into March: a real date reads back the same.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

/** The address's query as the form, and what is wrong with it (messages in Dutch, each naming its field). */
export function readSearchForm(query: Record<string, unknown>): { form: SearchForm; errors: FieldError[] } {
  const pageText = first(query.pagina);
  const page = /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  const form: SearchForm = {
    q: first(query.q).slice(0, 200),
    sector: first(query.sector),
    region: first(query.region),
    pathStep: first(query.pathStep),
    format: first(query.format),
    startsFrom: first(query.startsFrom),
    startsUntil: first(query.startsUntil),
    openPlaces: first(query.plaatsen) === 'ja',
    page,
  };
  const errors: FieldError[] = [];
  if (form.sector && !Object.hasOwn(SECTOR_NAMES, form.sector)) errors.push({ field: 'sector', message: 'Kies een sector uit de lijst' });
  if (form.format && !Object.hasOwn(FORMAT_NAMES, form.format)) errors.push({ field: 'format', message: 'Kies een vorm uit de lijst' });
  if (form.region && !/^[a-z0-9-]{1,80}$/.test(form.region)) errors.push({ field: 'region', message: 'Kies een onderwijsregio uit de lijst' });
  if (form.pathStep && !/^[A-Za-z0-9_-]{1,40}$/.test(form.pathStep)) errors.push({ field: 'pathStep', message: 'Kies een stap uit de lijst' });
  const from = form.startsFrom ? parseDate(form.startsFrom) : undefined;
  const until = form.startsUntil ? parseDate(form.startsUntil) : undefined;
  if (form.startsFrom && !from) errors.push({ field: 'startsFrom', message: 'Vul bij ‘Start vanaf’ een bestaande datum in, bijvoorbeeld 31-1-2027' });
  if (form.startsUntil && !until) errors.push({ field: 'startsUntil', message: 'Vul bij ‘Start uiterlijk’ een bestaande datum in, bijvoorbeeld 30-6-2027' });
  if (from && until && from > until) errors.push({ field: 'startsUntil', message: '‘Start uiterlijk’ moet op of na ‘Start vanaf’ liggen' });
  return { form, errors };
}

/** The catalogue's search query for a valid form. */
export function searchQueryOf(form: SearchForm): SearchQuery {
  return {
    q: form.q || undefined,
    sector: form.sector || undefined,
    region: form.region || undefined,
    pathStep: form.pathStep || undefined,
    format: form.format || undefined,
    startsFrom: form.startsFrom ? parseDate(form.startsFrom) : undefined,
    startsUntil: form.startsUntil ? parseDate(form.startsUntil) : undefined,
    enrolment: form.openPlaces ? 'open' : undefined,
    sort: form.q ? 'relevance' : 'start-date',
    page: form.page,
    pageSize: PAGE_SIZE,
  };
}

/** The address of another page of the same search (the form's values as typed, so the form shows them again). */
export function searchHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  const fields: [string, string][] = [
    ['q', form.q],
    ['sector', form.sector],
    ['region', form.region],
    ['pathStep', form.pathStep],
    ['format', form.format],
    ['startsFrom', form.startsFrom],
    ['startsUntil', form.startsUntil],
    ['plaatsen', form.openPlaces ? 'ja' : ''],
  ];
  for (const [name, value] of fields) if (value) params.set(name, value);
  if (page > 1) params.set('pagina', String(page));
  const text = params.toString();
  return text ? `/aanbod?${text}` : '/aanbod';
}
