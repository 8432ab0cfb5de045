import type { Principal } from '@napl/auth';
import type { PortalApi } from '../../application/portal-api';

// The platform's codes by their Dutch names, shared by every area of the portal.
export { DELIVERY_MODE_NAMES as MODE_NAMES, FORMAT_NAMES, nameOf, SECTOR_NAMES } from '../../ui/vocabulary';

/** What the services answer about offers, runs, enrolments and paths (only the fields these pages show). */

export type Format =
  | 'course'
  | 'training'
  | 'coaching'
  | 'intervision'
  | 'learning-community'
  | 'masterclass'
  | 'team-programme'
  | 'e-learning'
  | 'conference'
  | 'degree-programme';
export type DeliveryMode = 'on-site' | 'online' | 'blended';
export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'completed' | 'not_completed';
export type EnrolmentMode = 'open' | 'waiting-list' | 'closed';

export interface SearchHit {
  readonly offerId: string;
  readonly providerId: string;
  readonly title: string;
  readonly summary: string;
  readonly sectors: readonly string[];
  readonly format: Format;
  readonly deliveryMode: DeliveryMode;
  readonly studyLoadHours: number;
  readonly priceCents: number;
  readonly national: boolean;
  readonly regionIds: readonly string[];
  readonly nextStartDate: string | null;
}

export interface SearchPage {
  readonly items: readonly SearchHit[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly totalIsExact: boolean;
}

export interface OfferContent {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly sectors: readonly string[];
  readonly format: Format;
  readonly deliveryMode: DeliveryMode;
  readonly studyLoadHours: number;
  readonly priceCents: number;
  readonly priceCovers: string;
  readonly regionIds: readonly string[];
  readonly national: boolean;
  readonly learningOutcomes: readonly string[];
  readonly pathStepCodes: readonly string[];
  readonly teamProgramme: boolean;
}

export interface Offer {
  readonly offerId: string;
  readonly providerId: string;
  readonly status: string;
  readonly content: OfferContent | null;
}

export interface CatalogueRun {
  readonly runId: string;
  readonly offerId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly sessions: readonly { date: string; startTime: string; endTime: string; topic?: string }[];
  readonly online: boolean;
  readonly location: string | null;
  readonly capacity: number;
  readonly placesLeft: number;
  readonly enrolment: EnrolmentMode;
  readonly enrolmentDeadline: string | null;
  readonly priceCents: number;
  readonly status: 'scheduled' | 'cancelled';
}

/** A run as the enrolments service knows it (with the offer's title and the waiting list). */
export interface EnrolmentRun {
  readonly runId: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
  readonly placesLeft: number;
  readonly waitingListLength: number;
  readonly teamProgramme: boolean;
  readonly status: 'scheduled' | 'cancelled';
  readonly enrolment: EnrolmentMode;
}

export interface Enrolment {
  readonly enrolmentId: string;
  readonly teacherId: string;
  readonly runId: string;
  readonly offerId: string;
  readonly status: EnrolmentStatus;
  readonly waitingListPosition: number | null;
  readonly teamEnrolmentId: string | null;
  readonly enrolledAt: string;
  readonly cancelledAt: string | null;
  readonly cancellationCause: string | null;
  readonly notCompletedReason: string | null;
}

export type { CursorPage as Page } from '../../application/portal-api';

export interface Teacher {
  readonly teacherId: string;
  readonly sector: string | null;
  readonly schoolId: string | null;
  readonly schoolName: string | null;
  readonly regionId: string | null;
  readonly regionName: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly personalDataErased: boolean;
  readonly participantSince: string | null;
}

export interface PathStep {
  readonly code: string;
  readonly title: string;
  readonly phase: string;
  readonly status: 'not-started' | 'in-progress' | 'completed';
  readonly completedBy: 'offers' | 'recognition' | null;
  readonly hoursCounted: number;
  readonly hoursRequired: number | null;
  readonly formatsMissing: readonly string[];
}

export interface TeacherPath {
  readonly teacherPathId: string;
  readonly teacherId: string;
  readonly pathId: string;
  readonly pathTitle: string;
  readonly version: number;
  readonly sector: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly steps: readonly PathStep[];
}

export interface PathSummary {
  readonly pathId: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly currentVersion: number | null;
}

export interface Mark {
  readonly id: string;
  readonly status: 'valid' | 'expired' | 'revoked' | 'superseded';
  readonly withConditions: boolean;
  readonly validUntil: string;
}

export const STATUS_NAMES: Record<EnrolmentStatus, string> = {
  confirmed: 'Ingeschreven',
  waitlisted: 'Op de wachtlijst',
  cancelled: 'Geannuleerd',
  completed: 'Afgerond',
  not_completed: 'Niet afgerond',
};

export const ENROLMENT_MODE_NAMES: Record<EnrolmentMode, string> = { open: 'Plaats vrij', 'waiting-list': 'Vol: wachtlijst', closed: 'Inschrijving gesloten' };

export const STEP_STATUS_NAMES: Record<PathStep['status'], string> = { 'not-started': 'Nog niet begonnen', 'in-progress': 'Bezig', completed: 'Afgerond' };

export const MARK_STATUS_NAMES: Record<Mark['status'], string> = { valid: 'Geldig', expired: 'Verlopen', revoked: 'Ingetrokken', superseded: 'Vervangen' };

const CANCEL_CAUSES: Record<string, string> = { teacher: 'door uzelf', provider: 'door de opleider', run_cancelled: 'de uitvoering ging niet door', school_leader: 'door de schoolleider' };

export const cancelCauseName = (cause: string | null): string => (cause ? (CANCEL_CAUSES[cause] ?? cause) : '');

/** The name of a format, sector or mode the platform may add later: its code rather than nothing. */

export { isUuid, notFound, requireUuid } from '../../http/path-ids';

/** The runs of the enrolments service by id, for lists of enrolments (title, dates, places); a run it no longer knows is left out. */
export async function runsById(api: PortalApi, principal: Principal, runIds: readonly string[]): Promise<Map<string, EnrolmentRun>> {
  const unique = [...new Set(runIds)];
  const runs = await Promise.all(unique.map((runId) => api.find<EnrolmentRun>(principal, 'enrolments', `/v1/runs/${runId}`)));
  return new Map(runs.filter((run): run is EnrolmentRun => run !== undefined).map((run) => [run.runId, run]));
}


/** A run's dates as one phrase. */
export const periodOf = (startDate: string, endDate: string, format: (value: string) => string): string =>
  startDate === endDate ? format(startDate) : `${format(startDate)} tot en met ${format(endDate)}`;
