import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents } from '@napl/contracts';
import { In, type EntityManager } from 'typeorm';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { TeacherEntity } from '../../teachers/infrastructure/teacher.entity';
import { sectorOrUnspecified } from '../../teachers/domain/teacher';
import { ACTIVE, placesToPromote, type CancellationCauseCode } from '../domain/enrolment-rules';
import { EnrolmentEntity } from '../infrastructure/enrolment.entity';
import { NotificationEntity } from '../infrastructure/notification.entity';
import { publishCancelled, snapshotOf, type Publish } from './enrolment-events';

/**
 * The steps every use case shares, always inside a transaction that holds the run's row lock
 * (`lockRun`), so places are counted and handed out one request at a time.
 */

export interface RunCounts {
  taken: number;
  waiting: number;
  lastArrival: number;
}

export async function countsOf(manager: EntityManager, runId: string): Promise<RunCounts> {
  const table = manager.connection.getMetadata(EnrolmentEntity).tablePath;
  const [row] = await manager.query(
    `SELECT count(*) FILTER (WHERE status IN ('confirmed', 'completed', 'not_completed'))::int AS taken,
            count(*) FILTER (WHERE status = 'waitlisted')::int AS waiting,
            COALESCE(max(arrival_number), 0)::int AS "lastArrival"
       FROM ${table} WHERE run_id = $1`,
    [runId],
  );
  return row as RunCounts;
}

/** The run's row, locked until the transaction ends: the guard against overbooking. */
export async function lockRun(manager: EntityManager, runId: string): Promise<KnownRunEntity | null> {
  return manager.findOne(KnownRunEntity, { where: { runId }, lock: { mode: 'pessimistic_write' } });
}

/** 1 is next; null when the enrolment is not on the waiting list. */
export async function waitingListPosition(manager: EntityManager, enrolment: EnrolmentEntity): Promise<number | null> {
  if (enrolment.status !== 'waitlisted') return null;
  const table = manager.connection.getMetadata(EnrolmentEntity).tablePath;
  const [row] = await manager.query(
    `SELECT count(*)::int AS position FROM ${table} WHERE run_id = $1 AND status = 'waitlisted' AND arrival_number <= $2`,
    [enrolment.runId, enrolment.arrivalNumber],
  );
  return row.position as number;
}

export async function notify(
  manager: EntityManager,
  teacherId: string,
  enrolmentId: string,
  kind: NotificationEntity['kind'],
  message: string,
): Promise<void> {
  await manager.insert(NotificationEntity, { notificationId: randomUUID(), teacherId, enrolmentId, kind, message, createdAt: new Date() });
}

/** Gives free places to the waiting list in order of arrival; each promoted teacher gets the event and a message. */
export async function promoteWaitingList(manager: EntityManager, run: KnownRunEntity, publish: Publish): Promise<EnrolmentEntity[]> {
  const counts = await countsOf(manager, run.runId);
  const free = placesToPromote(counts.taken, run.capacity, counts.waiting);
  if (free === 0) return [];
  const next = await manager.find(EnrolmentEntity, {
    where: { runId: run.runId, status: 'waitlisted' },
    order: { arrivalNumber: 'ASC' },
    take: free,
  });
  const now = new Date();
  for (const enrolment of next) {
    enrolment.status = 'confirmed';
    enrolment.confirmedAt = now;
    await manager.update(EnrolmentEntity, { enrolmentId: enrolment.enrolmentId }, { status: 'confirmed', confirmedAt: now });
    await publish(EnrolmentsEvents.EnrolmentPromoted, enrolment.enrolmentId, {
      enrolment: snapshotOf(enrolment, run),
      promotedAt: timestampFromDate(now),
    });
    await notify(
      manager,
      enrolment.teacherId,
      enrolment.enrolmentId,
      'promoted',
      `Er is een plaats vrijgekomen. Uw inschrijving voor de uitvoering die start op ${run.startDate} is nu bevestigd.`,
    );
  }
  return next;
}

/** Cancels one active enrolment and publishes it; returns whether it held a place. */
export async function cancelEnrolment(
  manager: EntityManager,
  enrolment: EnrolmentEntity,
  run: KnownRunEntity,
  cause: CancellationCauseCode,
  publish: Publish,
): Promise<boolean> {
  const heldPlace = enrolment.status === 'confirmed';
  enrolment.status = 'cancelled';
  enrolment.cancelledAt = new Date();
  enrolment.cancellationCause = cause;
  await manager.update(
    EnrolmentEntity,
    { enrolmentId: enrolment.enrolmentId },
    { status: 'cancelled', cancelledAt: enrolment.cancelledAt, cancellationCause: cause },
  );
  await publishCancelled(publish, enrolment, run, cause, heldPlace);
  return heldPlace;
}

/** Every active enrolment of a cancelled run ends, with cause RUN_CANCELLED, and each teacher is told. */
export async function cancelAllOfRun(manager: EntityManager, run: KnownRunEntity, publish: Publish): Promise<number> {
  const active = await manager.find(EnrolmentEntity, { where: { runId: run.runId, status: In([...ACTIVE]) }, order: { arrivalNumber: 'ASC' } });
  for (const enrolment of active) {
    await cancelEnrolment(manager, enrolment, run, 'run_cancelled', publish);
    await notify(
      manager,
      enrolment.teacherId,
      enrolment.enrolmentId,
      'cancelled',
      `De uitvoering die zou starten op ${run.startDate} is door de aanbieder geannuleerd. Uw inschrijving is daarmee vervallen.`,
    );
  }
  return active.length;
}

/**
 * Starts the participation of a confirmed enrolment once; the teacher's first started participation makes them an
 * NAPL participant (`first_participation`), decided by a conditional update so it happens exactly once per teacher.
 * The update also checks the stored status, so an enrolment cancelled meanwhile (the caller's copy may be stale)
 * never starts, publishes nothing and makes nobody a participant.
 */
export async function startParticipation(
  manager: EntityManager,
  enrolment: EnrolmentEntity,
  startedOn: string,
  publish: Publish,
): Promise<boolean> {
  const started = await manager
    .createQueryBuilder()
    .update(EnrolmentEntity)
    .set({ participationStartedOn: startedOn })
    .where("enrolment_id = :id AND participation_started_on IS NULL AND status = 'confirmed'", { id: enrolment.enrolmentId })
    .execute();
  if (!started.affected) return false;
  enrolment.participationStartedOn = startedOn;
  const first = await manager
    .createQueryBuilder()
    .update(TeacherEntity)
    .set({ participantSince: startedOn })
    .where('teacher_id = :id AND participant_since IS NULL', { id: enrolment.teacherId })
    .execute();
  await publish(EnrolmentsEvents.ParticipationStarted, enrolment.teacherId, {
    teacherId: enrolment.teacherId,
    enrolmentId: enrolment.enrolmentId,
    runId: enrolment.runId,
    offerId: enrolment.offerId,
    sector: sectorOrUnspecified(enrolment.sector),
    regionId: enrolment.regionId,
    firstParticipation: first.affected === 1,
    startedOn,
    startedAt: timestampFromDate(new Date()),
  });
  return true;
}
