import type { DataSource, EntityTarget } from 'typeorm';
import { KnownOfferEntity } from '../../offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { TeacherEntity } from '../../teachers/infrastructure/teacher.entity';
import type { OfferFacts, RunFacts } from '../domain/enrolment-rules';
import { EnrolmentEntity } from '../infrastructure/enrolment.entity';
import type { PlacedEventDraft } from './enrolment-events';

/**
 * Placing one teacher's enrolment in a run: the hot path of a popular run, where hundreds of teachers enrol at the same
 * moment and are placed one at a time under the run's row lock. Everything that can be known before the lock is read
 * first, in one query (teacher, run, offer, Idempotency-Key), the rules are checked on it and the event is prepared for
 * both outcomes; then one call of the database function `place_enrolment` (migration 1796100000300) takes the lock,
 * checks that the run is still as read, counts the places, and inserts the enrolment and its event in the outbox, in
 * one statement and so one transaction. Nothing else happens while the lock is held.
 */

export type PlacementTeacher = Pick<TeacherEntity, 'teacherId' | 'sector' | 'schoolId' | 'regionId'>;
export type PlacementRun = RunFacts & Pick<KnownRunEntity, 'runId' | 'offerId' | 'offerVersion' | 'providerId' | 'priceCents'>;

export interface PlacementFacts {
  readonly teacher: PlacementTeacher | null;
  readonly run: PlacementRun | null;
  readonly offer: OfferFacts | null;
  /** The run's row as read (a digest of all of it): the placement goes ahead only while it is still the same. */
  readonly runDigest: string | null;
  /** This teacher already used this Idempotency-Key (for this run or another). */
  readonly keyUsed: boolean;
}

/** What enrolling needs to know before the lock, in one query. */
export async function readPlacementFacts(dataSource: DataSource, teacherId: string, runId: string, idempotencyKey: string | null): Promise<PlacementFacts> {
  const [row] = await dataSource.query(
    `SELECT t.teacher_id AS "teacherId", t.sector, t.school_id AS "schoolId", t.region_id AS "regionId",
            r.run_id AS "runId", r.offer_id AS "offerId", r.offer_version AS "offerVersion", r.provider_id AS "providerId",
            r.start_date::text AS "startDate", r.end_date::text AS "endDate", r.enrolment_deadline AS "enrolmentDeadline",
            r.capacity, r.price_cents::text AS "priceCents", r.status AS "runStatus", md5(r::text) AS "runDigest",
            o.status AS "offerStatus", o.team_programme AS "teamProgramme",
            EXISTS (SELECT FROM ${table(dataSource, EnrolmentEntity)} k WHERE k.teacher_id = $1 AND k.idempotency_key = $3) AS "keyUsed"
       FROM (SELECT) AS asked
       LEFT JOIN ${table(dataSource, TeacherEntity)} t ON t.teacher_id = $1
       LEFT JOIN ${table(dataSource, KnownRunEntity)} r ON r.run_id = $2
       LEFT JOIN ${table(dataSource, KnownOfferEntity)} o ON o.offer_id = r.offer_id`,
    [teacherId, runId, idempotencyKey],
  );
  return {
    teacher: row.teacherId ? { teacherId: row.teacherId, sector: row.sector, schoolId: row.schoolId, regionId: row.regionId } : null,
    run: row.runId
      ? {
          runId: row.runId,
          offerId: row.offerId,
          offerVersion: row.offerVersion,
          providerId: row.providerId,
          priceCents: row.priceCents,
          status: row.runStatus,
          startDate: row.startDate,
          endDate: row.endDate,
          enrolmentDeadline: row.enrolmentDeadline,
          capacity: row.capacity,
        }
      : null,
    offer: row.offerStatus ? { status: row.offerStatus, teamProgramme: row.teamProgramme } : null,
    runDigest: row.runDigest,
    keyUsed: row.keyUsed,
  };
}

export type Placement =
  | { readonly kind: 'placed'; readonly status: 'confirmed' | 'waitlisted'; readonly arrivalNumber: number; readonly position: number | null }
  /** The Idempotency-Key was used meanwhile (a concurrent repeat got the lock first). */
  | { readonly kind: 'key-used' }
  | { readonly kind: 'already-enrolled' }
  /** The run (or its offer) changed between reading and locking: read again and decide again. */
  | { readonly kind: 'run-changed' };

interface PlacementRow {
  unchanged: boolean;
  key_used: boolean;
  enrolled: boolean;
  status: 'confirmed' | 'waitlisted' | null;
  arrival_number: number | null;
  waiting_position: number | null;
}

/**
 * Places the enrolment (its status and arrival number are decided here) with its event, when the run is still as it
 * was read (`runDigest`). One statement on its own, so it commits at once: the enrolment is its own unit of work and
 * does not join an outer transaction.
 */
export async function placeEnrolment(dataSource: DataSource, enrolment: EnrolmentEntity, runDigest: string, event: PlacedEventDraft): Promise<Placement> {
  const { confirmed, waitlisted } = event;
  const [row]: PlacementRow[] = await dataSource.query(
    `SELECT * FROM place_enrolment($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20, $21::jsonb)`,
    [
      enrolment.runId, runDigest,
      enrolment.enrolmentId, enrolment.teacherId, enrolment.offerId, enrolment.schoolId, enrolment.regionId, enrolment.sector,
      enrolment.idempotencyKey, enrolment.enrolledAt,
      event.eventId, confirmed.topic, event.occurredAt,
      confirmed.eventType, Buffer.from(confirmed.payload), JSON.stringify(confirmed.headers),
      waitlisted.eventType, Buffer.from(waitlisted.beforePosition), waitlisted.positionTag, Buffer.from(waitlisted.afterPosition),
      JSON.stringify(waitlisted.headers),
    ],
  );
  if (!row.unchanged) return { kind: 'run-changed' };
  if (row.key_used) return { kind: 'key-used' };
  if (row.enrolled) return { kind: 'already-enrolled' };
  return { kind: 'placed', status: row.status!, arrivalNumber: row.arrival_number!, position: row.waiting_position };
}

function table(dataSource: DataSource, entity: EntityTarget<unknown>): string {
  return dataSource.getMetadata(entity).tablePath;
}
