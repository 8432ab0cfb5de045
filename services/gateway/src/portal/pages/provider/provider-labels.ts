import type { Problem } from '../../application/portal-api';
import { errorsOfProblem, formValues } from '../../http/form';
import type { Choice, FieldError } from '../../ui/components';

/** Dutch names of the services' codes, as a provider sees them (sectors, formats and modes: the portal's vocabulary). */
export { DELIVERY_MODE_NAMES as DELIVERY_MODE_LABELS, FORMAT_NAMES as FORMAT_LABELS, SECTOR_NAMES as SECTOR_LABELS } from '../../ui/vocabulary';

export const LANGUAGE_LABELS: Record<string, string> = { nl: 'Nederlands', en: 'Engels', fy: 'Fries' };

export const OFFER_STATUS_LABELS: Record<string, string> = {
  draft: 'Concept',
  submitted: 'Ingediend voor beoordeling',
  published: 'Gepubliceerd',
  suspended: 'Geschorst',
  withdrawn: 'Teruggetrokken',
};

export const ASSESSMENT_STATUS_LABELS: Record<string, string> = {
  open: 'In beoordeling',
  'awaiting-confirmation': 'Wacht op een tweede beoordelaar',
  approved: 'Goedgekeurd',
  'approved-with-conditions': 'Goedgekeurd onder voorwaarden',
  rejected: 'Afgewezen',
};

export const ENROLMENT_STATUS_LABELS: Record<string, string> = {
  confirmed: 'Ingeschreven',
  waitlisted: 'Op de wachtlijst',
  cancelled: 'Geannuleerd',
  completed: 'Afgerond',
  not_completed: 'Niet afgerond',
};

export const NOT_COMPLETED_REASON_LABELS: Record<string, string> = {
  NO_SHOW: 'Niet verschenen',
  INSUFFICIENT_ATTENDANCE: 'Te weinig aanwezig',
  STOPPED_BY_TEACHER: 'Gestopt door de leraar',
  REQUIREMENTS_NOT_MET: 'Niet aan de eisen voldaan',
  OTHER: 'Andere reden',
};

export const RUN_ENROLMENT_LABELS: Record<string, string> = { open: 'Open', 'waiting-list': 'Vol: wachtlijst', closed: 'Gesloten' };

export const API_TOKEN_PERMISSION_LABELS: Record<string, string> = {
  'catalogue:read': 'Aanbod lezen',
  'catalogue:write': 'Aanbod en uitvoeringen wijzigen',
  'quality:read': 'Beoordelingen en evaluaties lezen',
  'enrolments:read': 'Inschrijvingen lezen',
  'enrolments:write': 'Aanwezigheid en resultaten vastleggen',
  'paths:read': 'Ontwikkelpaden lezen',
  'reimbursement:read': 'Vergoedingen lezen',
  'reimbursement:write': 'Vergoedingen aanvragen',
};

export const EVALUATION_QUESTION_LABELS: Record<string, string> = {
  relevance: 'Relevantie voor het werk',
  teachingEffect: 'Effect op het lesgeven',
  trainerQuality: 'Kwaliteit van de opleider',
  wouldRecommend: 'Zou het aanraden',
};

export const labelOf = (labels: Record<string, string>, code: string | null | undefined): string => (code ? (labels[code] ?? code) : '–');

export const choicesOf = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A path id that is a UUID; anything else names nothing (a 404 page, never a call with a strange id). */
export { isUuid } from '../../http/path-ids';

/** Today in the Netherlands, as the services count days (YYYY-MM-DD). */
export function amsterdamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A service's refusal as the form's errors, each named by the field's Dutch label (the shared errorsOfProblem names
 * the API's field): "Samenvatting moet minstens 20 tekens zijn".
 */
export function errorsOfRefusal(problem: Problem, fallbackField: string, labels: Record<string, string>, fieldNames: Record<string, string> = {}): FieldError[] {
  const errors = errorsOfProblem(problem, fallbackField, fieldNames);
  const byField = new Map((problem.errors ?? []).map((error) => [fieldNames[error.field] ?? error.field, error.messages.join(', ')]));
  return errors.map((error) => (byField.has(error.field) && labels[error.field] ? { field: error.field, message: `${labels[error.field]} ${byField.get(error.field)}` } : error));
}

/**
 * Whether a post that acts on one thing (revoke, submit, attendance) names that thing in its hidden field, as the
 * page's own form does: a post put together otherwise changes nothing.
 */
export function namesTarget(body: unknown, field: string, id: string): boolean {
  return formValues(body)[field] === id;
}
