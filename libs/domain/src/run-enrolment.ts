import { amsterdamDate } from './amsterdam-date';

/**
 * What enrolling in a run does now, the same word in every service's run view (docs/api-conventions.md):
 * `open` confirms a place, `waiting-list` puts the teacher on the waiting list (the run is full), `closed` takes no
 * enrolment (cancelled, offer not published, deadline passed or started).
 */
export const RUN_ENROLMENT_STATES = ['open', 'waiting-list', 'closed'] as const;
export type RunEnrolment = (typeof RUN_ENROLMENT_STATES)[number];

export interface RunEnrolmentFacts {
  readonly status: 'scheduled' | 'cancelled';
  /** Whether the run's offer is published (and so quality-approved); a suspended or withdrawn offer takes no one. */
  readonly offerPublished: boolean;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  readonly startDate: string;
  readonly enrolmentDeadline: Date | null;
  readonly capacity: number;
  /** Enrolments holding a place (confirmed, and those that completed or not). */
  readonly placesTaken: number;
}

/**
 * The enrolment term is over: after the deadline when there is one; without one, from the start date on (in
 * Amsterdam). A deadline may lie on the start date itself, so a run with one can take enrolments that morning.
 */
export function enrolmentTermPassed(run: Pick<RunEnrolmentFacts, 'startDate' | 'enrolmentDeadline'>, now: Date): boolean {
  return run.enrolmentDeadline ? now.getTime() > run.enrolmentDeadline.getTime() : amsterdamDate(now) >= run.startDate;
}

/** Places left: never negative, also when a run was over-filled or its capacity lowered. */
export function placesLeft(capacity: number, placesTaken: number): number {
  return Math.max(0, capacity - placesTaken);
}

/** What enrolling in the run does now. */
export function runEnrolment(run: RunEnrolmentFacts, now: Date): RunEnrolment {
  if (run.status === 'cancelled' || !run.offerPublished || enrolmentTermPassed(run, now)) return 'closed';
  return placesLeft(run.capacity, run.placesTaken) > 0 ? 'open' : 'waiting-list';
}
