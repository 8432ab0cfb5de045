import type { FieldError } from '../../ui/components';
import { requireFields, type FormValues } from '../../http/form';
import { parseEuroToCents } from '../../ui/format';
import type { Session } from './provider-api';

/** A run as the catalogue plans it (POST /v1/offers/{offerId}/runs). */
export interface RunPlan {
  readonly startDate: string;
  readonly endDate: string;
  readonly sessions: Session[];
  readonly online: boolean;
  readonly location: string | null;
  readonly capacity: number;
  readonly enrolmentDeadline: string | null;
  readonly priceCents: number | null;
}

export const RUN_FIELD_NAMES: Record<string, string> = { priceCents: 'price' };

/** Each field's name in a sentence, for the catalogue's refusals. */
export const RUN_FIELD_LABELS: Record<string, string> = {
  startDate: 'De startdatum',
  endDate: 'De einddatum',
  sessions: 'De bijeenkomsten:',
  online: 'Online',
  location: 'De plaats',
  capacity: 'Het aantal plaatsen',
  enrolmentDeadline: 'De inschrijftermijn',
  price: 'De prijs',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (text: string) => DATE.test(text) && !Number.isNaN(new Date(`${text}T12:00:00Z`).getTime());
/** One session per line: "2027-02-03 15:30-18:00 optional topic". */
const SESSION_LINE = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})(?:\s+(.+))?$/;

/** The last moment to enrol on a day: 23:59 in the Netherlands, with that day's offset (winter +01:00, summer +02:00). */
export function amsterdamEndOfDay(date: string): string {
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${date}T23:59:00${zone?.replace('GMT', '') || '+01:00'}`;
}

export function sessionsOf(text: string): { sessions: Session[]; wrongLine?: number } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const sessions: Session[] = [];
  for (const [index, line] of lines.entries()) {
    const match = SESSION_LINE.exec(line);
    if (!match || !isDate(match[1])) return { sessions, wrongLine: index + 1 };
    sessions.push({ date: match[1], startTime: match[2], endTime: match[3], ...(match[4] ? { topic: match[4] } : {}) });
  }
  return { sessions };
}

/** Checks the run form and turns it into the catalogue's plan; the catalogue checks the rest (dates in the future etc.). */
export function runPlanOf(values: FormValues): { plan?: RunPlan; errors: FieldError[] } {
  const errors = requireFields(values, {
    startDate: 'Vul de startdatum in',
    endDate: 'Vul de einddatum in',
    sessions: 'Vul minstens één bijeenkomst in',
    online: 'Kies of de uitvoering online is',
    capacity: 'Vul het aantal plaatsen in',
  });
  for (const field of ['startDate', 'endDate', 'enrolmentDeadline'] as const) {
    if (values[field] && !isDate(values[field])) errors.push({ field, message: 'Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-02-03' });
  }
  if (isDate(values.startDate ?? '') && isDate(values.endDate ?? '') && values.endDate < values.startDate) {
    errors.push({ field: 'endDate', message: 'De einddatum ligt vóór de startdatum' });
  }
  const { sessions, wrongLine } = sessionsOf(values.sessions ?? '');
  if (wrongLine !== undefined) errors.push({ field: 'sessions', message: `Regel ${wrongLine} van de bijeenkomsten is niet als 2027-02-03 15:30-18:00 geschreven` });
  const capacity = /^\d{1,5}$/.test(values.capacity ?? '') ? Number(values.capacity) : undefined;
  if (values.capacity && !capacity) errors.push({ field: 'capacity', message: 'Vul het aantal plaatsen in als een heel getal van 1 of meer' });
  const online = values.online === 'ja';
  if (values.online === 'nee' && !values.location) errors.push({ field: 'location', message: 'Vul de plaats in waar de uitvoering is' });
  const priceCents = values.price ? parseEuroToCents(values.price) : null;
  if (priceCents === undefined) errors.push({ field: 'price', message: 'Vul de prijs in euro’s in, bijvoorbeeld 595,00, of laat het veld leeg' });
  if (errors.length > 0) return { errors };
  return {
    errors: [],
    plan: {
      startDate: values.startDate,
      endDate: values.endDate,
      sessions,
      online,
      location: values.location || null,
      capacity: capacity!,
      enrolmentDeadline: values.enrolmentDeadline ? amsterdamEndOfDay(values.enrolmentDeadline) : null,
      priceCents: priceCents ?? null,
    },
  };
}
