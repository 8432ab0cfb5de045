import { amsterdamDate } from '@napl/domain';
import type { ContentProblem } from '../../offers/domain/offer-content';
import { CatalogueError } from '../../shared/catalogue.error';

export interface Session {
  /** YYYY-MM-DD, Europe/Amsterdam. */
  date: string;
  /** HH:MM local time. */
  startTime: string;
  endTime: string;
  topic?: string;
}

export interface RunPlan {
  startDate: string;
  endDate: string;
  sessions: Session[];
  online: boolean;
  location: string | null;
  capacity: number;
  enrolmentDeadline: Date | null;
  /** This run's price per participant in cents; null means the offer's price. */
  priceCents: number | null;
}

/**
 * A JSON merge patch (RFC 7396) of a plan: a field left out stays, a field sent replaces the current value (sessions
 * as a whole list), null clears a nullable field. The DTO has already refused null for the others.
 */
export type RunPlanPatch = Partial<RunPlan>;

/** The plan after a merge patch; the caller validates the result as it would a whole plan (PUT). */
export function mergeRunPlan(current: RunPlan, patch: RunPlanPatch): RunPlan {
  const merged: RunPlan = { ...current };
  for (const field of Object.keys(current) as (keyof RunPlan)[]) {
    if (patch[field] !== undefined) (merged as unknown as Record<string, unknown>)[field] = patch[field];
  }
  return merged;
}

/**
 * A run's capacity may not drop below the places its enrolments hold (as far as the catalogue has heard of them):
 * the enrolments service would have more teachers confirmed than the run has places. Raising it, or keeping it, is
 * always fine.
 */
export function assertCapacityCoversEnrolled(newCapacity: number, currentCapacity: number, placesTaken: number): void {
  if (newCapacity < currentCapacity && newCapacity < placesTaken) {
    throw new CatalogueError(
      'CAPACITY_BELOW_ENROLLED',
      'unprocessable',
      `De capaciteit kan niet lager worden dan het aantal bevestigde inschrijvingen (${placesTaken}).`,
      { placesTaken },
    );
  }
}

/** Rules across a run's fields; the DTO checks each field's form. */
export function runProblems(plan: RunPlan): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (plan.endDate < plan.startDate) problems.push({ field: 'endDate', message: 'mag niet vóór de startdatum liggen' });
  if (!plan.online && !plan.location?.trim()) problems.push({ field: 'location', message: 'is verplicht voor een uitvoering op locatie' });
  plan.sessions.forEach((session, index) => {
    if (session.date < plan.startDate || session.date > plan.endDate) {
      problems.push({ field: `sessions.${index}.date`, message: 'moet tussen de start- en einddatum liggen' });
    }
    if (session.endTime <= session.startTime) {
      problems.push({ field: `sessions.${index}.endTime`, message: 'moet na de begintijd liggen' });
    }
  });
  if (plan.enrolmentDeadline && amsterdamDate(plan.enrolmentDeadline) > plan.startDate) {
    problems.push({ field: 'enrolmentDeadline', message: 'mag niet na de startdatum liggen' });
  }
  return problems;
}

/** The run's price: its own, or the offer's. */
export function effectivePriceCents(plan: Pick<RunPlan, 'priceCents'>, offerPriceCents: number): number {
  return plan.priceCents ?? offerPriceCents;
}

/**
 * Dates in the past, compared with today in Europe/Amsterdam. A run in the past would let a provider create
 * completions downstream at once, so a new run starts today or later, and a change never moves a date into the
 * past. A date that is already past and stays as it is (a run under way) is fine.
 */
export function pastDateProblems(
  plan: Pick<RunPlan, 'startDate' | 'endDate'>,
  today: string,
  current?: Pick<RunPlan, 'startDate' | 'endDate'>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (plan.startDate < today && plan.startDate !== current?.startDate) {
    problems.push({ field: 'startDate', message: 'mag niet in het verleden liggen' });
  }
  if (plan.endDate < today && plan.endDate !== current?.endDate) {
    problems.push({ field: 'endDate', message: 'mag niet in het verleden liggen' });
  }
  return problems;
}

export function assertPlanNotInPast(plan: Pick<RunPlan, 'startDate' | 'endDate'>, today: string, current?: Pick<RunPlan, 'startDate' | 'endDate'>): void {
  const problems = pastDateProblems(plan, today, current);
  if (problems.length > 0) {
    throw new CatalogueError('RUN_DATE_IN_PAST', 'unprocessable', 'Een uitvoering kan niet in het verleden worden gepland.', {
      errors: problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    });
  }
}

/** After its end date a run is history: participants completed it, so it is neither changed nor cancelled. */
export function assertNotEnded(run: Pick<RunPlan, 'endDate'>, today: string): void {
  if (run.endDate < today) {
    throw new CatalogueError('RUN_ENDED', 'conflict', 'Deze uitvoering is al afgelopen en kan niet meer worden gewijzigd of geannuleerd.');
  }
}
