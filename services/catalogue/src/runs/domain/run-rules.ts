import type { ContentProblem } from '../../offers/domain/offer-content';

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
  if (plan.enrolmentDeadline && amsterdamDay(plan.enrolmentDeadline) > plan.startDate) {
    problems.push({ field: 'enrolmentDeadline', message: 'mag niet na de startdatum liggen' });
  }
  return problems;
}

/** The run's price: its own, or the offer's. */
export function effectivePriceCents(plan: Pick<RunPlan, 'priceCents'>, offerPriceCents: number): number {
  return plan.priceCents ?? offerPriceCents;
}

function amsterdamDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(moment);
}
