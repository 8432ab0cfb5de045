import { amsterdamDate, enrolmentTermPassed } from '@napl/domain';
import { EnrolmentError } from './enrolment.errors';

export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'completed' | 'not_completed';
export type CancellationCauseCode = 'teacher' | 'provider' | 'run_cancelled' | 'school_leader';

/**
 * Why a teacher did not complete a run, as the provider picks it. Events carry only this code: a provider's own
 * words may be about the teacher's health or private life, and stay in this service (EnrolmentEntity.notCompletedReason).
 */
export const NOT_COMPLETED_REASONS = ['NO_SHOW', 'INSUFFICIENT_ATTENDANCE', 'STOPPED_BY_TEACHER', 'REQUIREMENTS_NOT_MET', 'OTHER'] as const;
export type NotCompletedReasonCode = (typeof NOT_COMPLETED_REASONS)[number];

/** Statuses that hold a place in the run (place_enrolment, migration 1796100000300, counts the same). */
export const HOLDS_PLACE: readonly EnrolmentStatus[] = ['confirmed', 'completed', 'not_completed'];
/** Statuses that can still be cancelled. */
export const ACTIVE: readonly EnrolmentStatus[] = ['confirmed', 'waitlisted'];


export interface RunFacts {
  readonly status: 'scheduled' | 'cancelled';
  readonly startDate: string;
  readonly endDate: string;
  readonly enrolmentDeadline: Date | null;
  readonly capacity: number;
}

export interface OfferFacts {
  readonly status: 'published' | 'withdrawn' | 'suspended';
  readonly teamProgramme: boolean;
}

/**
 * A run takes enrolments while it is scheduled, its offer is published (and so quality-approved), and the
 * deadline has not passed; without a deadline, until the day before the start.
 */
export function assertOpenForEnrolment(run: RunFacts, offer: OfferFacts | null, now: Date): void {
  if (run.status === 'cancelled') throw new EnrolmentError('RUN_CANCELLED', 'conflict', 'Deze uitvoering is geannuleerd; inschrijven kan niet meer.');
  if (!offer || offer.status !== 'published') {
    throw new EnrolmentError('OFFER_NOT_OPEN', 'unprocessable', 'Het aanbod van deze uitvoering is niet (meer) gepubliceerd met goedgekeurde kwaliteit.');
  }
  // The same rule as the run views' `enrolment` (runEnrolment in @napl/domain), so what a view promises is what happens.
  if (enrolmentTermPassed(run, now)) throw new EnrolmentError('DEADLINE_PASSED', 'conflict', 'De inschrijftermijn van deze uitvoering is verstreken.');
}

/**
 * Confirmed while places are left, otherwise on the waiting list. Enrolling applies it in the database, under the
 * run's lock (place_enrolment, migration 1796100000300): the same rule, with the places counted there.
 */
export function placeFor(placesTaken: number, capacity: number): 'confirmed' | 'waitlisted' {
  return placesTaken < capacity ? 'confirmed' : 'waitlisted';
}

/** A team is enrolled as one unit: every member gets a place, or nobody does. */
export function assertTeamFits(placesTaken: number, capacity: number, teamSize: number): void {
  const left = Math.max(0, capacity - placesTaken);
  if (teamSize > left) {
    throw new EnrolmentError(
      'TEAM_DOES_NOT_FIT',
      'conflict',
      `Er zijn niet genoeg plaatsen voor het hele team: nog ${left} ${left === 1 ? 'plaats' : 'plaatsen'} vrij, ${teamSize} nodig. Er is niemand ingeschreven.`,
      { placesLeft: left, teamSize },
    );
  }
}

/** How many on the waiting list move up when places come free (never below zero). */
export function placesToPromote(placesTaken: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(waiting, capacity - placesTaken));
}

/** Places that come free go to the waiting list only while the run is scheduled and has not started. */
export function waitingListMovesUp(run: Pick<RunFacts, 'status' | 'startDate'>, now: Date): boolean {
  return run.status === 'scheduled' && amsterdamDate(now) < run.startDate;
}

/** A teacher cancels before the run starts; after that, only the provider can. */
export function assertTeacherMayCancel(startDate: string, now: Date): void {
  if (amsterdamDate(now) >= startDate) {
    throw new EnrolmentError('TOO_LATE_TO_CANCEL', 'conflict', 'De uitvoering is al begonnen; afmelden kan alleen nog via de aanbieder.');
  }
}

/** Attendance is recorded from the start of the run, for one of its sessions. */
export function assertAttendanceAllowed(run: RunFacts & { sessionCount: number }, session: number, now: Date): void {
  if (amsterdamDate(now) < run.startDate) {
    throw new EnrolmentError('RUN_NOT_STARTED', 'conflict', 'Aanwezigheid kan pas worden geregistreerd vanaf de startdatum van de uitvoering.');
  }
  if (run.sessionCount > 0 && session > run.sessionCount) {
    throw new EnrolmentError('SESSION_OUT_OF_RANGE', 'invalid', `Deze uitvoering heeft ${run.sessionCount} bijeenkomsten; bijeenkomst ${session} bestaat niet.`);
  }
}

/** The result of a run is recorded after its last day. */
export function assertResultAllowed(endDate: string, now: Date): void {
  if (amsterdamDate(now) <= endDate) {
    throw new EnrolmentError('RUN_NOT_ENDED', 'conflict', `Het resultaat kan pas worden vastgelegd na de einddatum van de uitvoering (${endDate}).`);
  }
}
