import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { hasRole, type Principal } from '@napl/auth';
import { EnrolmentsEvents } from '@napl/contracts';
import { amsterdamDate } from '@napl/domain';
import { inTransaction } from '@napl/persistence';
import { visibleOrNotFound } from '@napl/service-kit';
import { DataSource, In, Not, QueryFailedError, type EntityManager } from 'typeorm';
import { KnownOfferEntity } from '../../offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { registerTeacherFromToken } from '../../teachers/application/register-teacher-from-token';
import { teacherIdOf } from '../../teachers/application/teachers.service';
import { TeacherEntity } from '../../teachers/infrastructure/teacher.entity';
import {
  assertAttendanceAllowed,
  assertOpenForEnrolment,
  assertResultAllowed,
  assertTeacherMayCancel,
  assertTeamFits,
  waitingListMovesUp,
  type CancellationCauseCode,
  type NotCompletedReasonCode,
  type OfferFacts,
  type RunFacts,
} from '../domain/enrolment-rules';
import { EnrolmentError } from '../domain/enrolment.errors';
import { AttendanceEntity } from '../infrastructure/attendance.entity';
import { enrolmentNotFound, mayReadEnrolment } from './enrolments.queries';
import { EnrolmentEntity } from '../infrastructure/enrolment.entity';
import { notCompletedReasonToContract, placedEventDraft, publishPlaced, publisherFor, snapshotOf } from './enrolment-events';
import { placeEnrolment, readPlacementFacts } from './enrolment-placement';
import { cancelEnrolment, countsOf, lockRun, promoteWaitingList, startParticipation, waitingListPosition } from './enrolment-store';

export interface Placed {
  enrolment: EnrolmentEntity;
  position: number | null;
  /** True when an Idempotency-Key found the original enrolment. */
  replayed: boolean;
}

export interface ResultInput {
  readonly outcome: 'completed' | 'not-completed';
  readonly reasonCode?: NotCompletedReasonCode;
  readonly reason?: string;
}

const IDEMPOTENCY_INDEX = 'UQ_enrolment_teacher_idempotency_key';
/** A run changes rarely; a placement that finds it changed reads it again, a few times at most. */
const PLACEMENT_ATTEMPTS = 5;

/** The commands on enrolments. Each runs in one transaction with its events (outbox). */
@Injectable()
export class EnrolmentsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A teacher enrols in a run: confirmed while places are left, otherwise on the waiting list. The rules are checked on
   * what was read before the run's lock; under the lock, one statement re-checks that the run is unchanged, counts the
   * places and inserts the enrolment and its event (enrolment-placement.ts), so concurrent enrolments are counted one
   * at a time and a run is never overbooked. With an Idempotency-Key, a repeat returns the original enrolment.
   */
  async enrol(principal: Principal, runId: string, idempotencyKey?: string): Promise<Placed> {
    const teacherId = teacherIdOf(principal);
    try {
      for (let attempt = 1; attempt <= PLACEMENT_ATTEMPTS; attempt++) {
        const facts = await readPlacementFacts(this.dataSource, teacherId, runId, idempotencyKey ?? null);
        if (idempotencyKey && facts.keyUsed) return await this.originalOf(teacherId, idempotencyKey, runId);
        if (!facts.run) throw new EnrolmentError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering is niet bekend.');
        this.assertOpen(facts.run, facts.offer);
        if (!facts.teacher) {
          // The first enrolment makes the profile from the token, only once the run is known to take the enrolment
          // (a refused enrolment leaves nothing behind). Its own short transaction, before the placement: the hot
          // path stays one statement under the run's lock, and a profile without an enrolment is what
          // PUT /v1/teachers/me leaves too.
          await registerTeacherFromToken(this.dataSource, principal);
          continue; // read everything again, the profile with it, and check the rules on that
        }
        // Its status and arrival number are decided under the lock.
        const enrolment = this.newEnrolment(facts.teacher, facts.run, 0, 'waitlisted', { idempotencyKey: idempotencyKey ?? null });
        const placement = await placeEnrolment(this.dataSource, enrolment, facts.runDigest!, placedEventDraft(enrolment, facts.run));
        switch (placement.kind) {
          case 'placed':
            enrolment.status = placement.status;
            enrolment.arrivalNumber = placement.arrivalNumber;
            enrolment.confirmedAt = placement.status === 'confirmed' ? enrolment.enrolledAt : null;
            return { enrolment, position: placement.position, replayed: false };
          case 'key-used': // a concurrent request with the same key committed while this one waited for the lock
            return await this.originalOf(teacherId, idempotencyKey!, runId);
          case 'already-enrolled':
            throw new EnrolmentError('ALREADY_ENROLLED', 'conflict', 'U bent al ingeschreven voor deze uitvoering.');
          case 'run-changed':
            continue; // the catalogue changed the run (or its offer) meanwhile: check the rules again on what it is now
        }
      }
      throw new Error(`The run ${runId} kept changing while enrolling; gave up after ${PLACEMENT_ATTEMPTS} attempts`);
    } catch (error) {
      // The same key sent twice at the same moment for two runs: the other request stored it; answer with its enrolment.
      if (idempotencyKey && isUniqueViolation(error, IDEMPOTENCY_INDEX)) return this.originalOf(teacherId, idempotencyKey, runId);
      throw error;
    }
  }

  /** A school leader enrols teachers of their school in a team programme as one unit: all confirmed, or none. */
  async enrolTeam(principal: Principal, runId: string, teacherIds: string[]): Promise<{ teamEnrolmentId: string; enrolments: EnrolmentEntity[] }> {
    const schoolId = principal.schoolId;
    if (!hasRole(principal, 'school-leader') || !schoolId) {
      throw new EnrolmentError('FORBIDDEN', 'forbidden', 'Alleen een schoolleider kan een team inschrijven.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const run = await this.openRun(manager, runId);
      const offer = await manager.findOneByOrFail(KnownOfferEntity, { offerId: run.offerId });
      if (!offer.teamProgramme) {
        throw new EnrolmentError('NOT_A_TEAM_PROGRAMME', 'unprocessable', 'Dit aanbod is geen teamprogramma; docenten schrijven zich er zelf voor in.');
      }
      // Teachers of another school answer as unknown ones: a school leader learns nothing about who exists elsewhere.
      const teachers = await manager.findBy(TeacherEntity, { teacherId: In(teacherIds), schoolId });
      const unknown = teacherIds.filter((id) => !teachers.some((teacher) => teacher.teacherId === id));
      if (unknown.length > 0) {
        throw new EnrolmentError('TEACHER_NOT_REGISTERED', 'unprocessable', 'Niet alle docenten van het team hebben een docentprofiel bij uw school.', {
          teacherIds: unknown,
        });
      }
      const already = await manager.findBy(EnrolmentEntity, { runId, teacherId: In(teacherIds), status: Not('cancelled') });
      if (already.length > 0) {
        throw new EnrolmentError('ALREADY_ENROLLED', 'conflict', 'Een of meer docenten van het team zijn al ingeschreven voor deze uitvoering.', {
          teacherIds: already.map((enrolment) => enrolment.teacherId),
        });
      }
      const counts = await countsOf(manager, runId);
      assertTeamFits(counts.taken, run.capacity, teacherIds.length);
      const teamEnrolmentId = randomUUID();
      const publish = publisherFor(manager);
      const enrolments: EnrolmentEntity[] = [];
      for (const [index, teacherId] of teacherIds.entries()) {
        const teacher = teachers.find((candidate) => candidate.teacherId === teacherId)!;
        const enrolment = this.newEnrolment(teacher, run, counts.lastArrival + 1 + index, 'confirmed', { teamEnrolmentId });
        await manager.insert(EnrolmentEntity, enrolment);
        await publishPlaced(publish, enrolment, run, null);
        enrolments.push(enrolment);
      }
      return { teamEnrolmentId, enrolments };
    });
  }

  /**
   * Cancels an enrolment: the teacher (or their school leader) before the start, the provider of the run at any
   * time. A place that comes free before the start goes to the first on the waiting list.
   */
  async cancel(principal: Principal, enrolmentId: string): Promise<EnrolmentEntity> {
    return this.withLockedEnrolment(principal, enrolmentId, async (manager, enrolment, run) => {
      const cause = this.cancellationCause(principal, enrolment, run);
      if (cause === 'teacher' || cause === 'school_leader') assertTeacherMayCancel(run.startDate, new Date());
      if (enrolment.status !== 'confirmed' && enrolment.status !== 'waitlisted') {
        throw new EnrolmentError('NOT_ACTIVE', 'conflict', 'Deze inschrijving is al afgesloten of geannuleerd.');
      }
      const publish = publisherFor(manager);
      const heldPlace = await cancelEnrolment(manager, enrolment, run, cause, publish);
      if (heldPlace && waitingListMovesUp(run, new Date())) {
        await promoteWaitingList(manager, run, publish);
      }
      return enrolment;
    });
  }

  /** The provider of the run records whether the teacher attended a session; the first attendance starts participation. */
  async recordAttendance(principal: Principal, enrolmentId: string, session: number, attended: boolean): Promise<AttendanceEntity[]> {
    return this.withLockedEnrolment(principal, enrolmentId, async (manager, enrolment, run) => {
      this.assertProviderOf(principal, run);
      if (enrolment.status !== 'confirmed') {
        throw new EnrolmentError('NOT_CONFIRMED', 'conflict', 'Aanwezigheid wordt alleen geregistreerd voor een bevestigde inschrijving zonder resultaat.');
      }
      const now = new Date();
      assertAttendanceAllowed(run, session, now);
      await manager.upsert(AttendanceEntity, { enrolmentId, sessionNumber: session, attended, recordedAt: now }, ['enrolmentId', 'sessionNumber']);
      if (attended) await startParticipation(manager, enrolment, amsterdamDate(now), publisherFor(manager));
      return manager.find(AttendanceEntity, { where: { enrolmentId }, order: { sessionNumber: 'ASC' } });
    });
  }

  /** The provider records the result after the run's end date: completed, or not completed with a reason. */
  async recordResult(principal: Principal, enrolmentId: string, input: ResultInput): Promise<EnrolmentEntity> {
    return this.withLockedEnrolment(principal, enrolmentId, async (manager, enrolment, run) => {
      this.assertProviderOf(principal, run);
      if (enrolment.status === 'completed' || enrolment.status === 'not_completed') {
        throw new EnrolmentError('RESULT_ALREADY_RECORDED', 'conflict', 'Voor deze inschrijving is het resultaat al vastgelegd.');
      }
      if (enrolment.status !== 'confirmed') {
        throw new EnrolmentError('NOT_CONFIRMED', 'conflict', 'Een resultaat wordt alleen vastgelegd voor een bevestigde inschrijving.');
      }
      const now = new Date();
      assertResultAllowed(run.endDate, now);
      const publish = publisherFor(manager);
      // Finishing a run means it was started, also when no attendance was recorded.
      await startParticipation(manager, enrolment, run.startDate, publish);
      const sessionsAttended = await manager.countBy(AttendanceEntity, { enrolmentId, attended: true });
      enrolment.status = input.outcome === 'completed' ? 'completed' : 'not_completed';
      enrolment.resultRecordedAt = now;
      const notCompleted = enrolment.status === 'not_completed';
      enrolment.notCompletedReasonCode = notCompleted ? (input.reasonCode ?? 'OTHER') : null;
      enrolment.notCompletedReason = notCompleted ? input.reason?.trim() || null : null;
      await manager.update(
        EnrolmentEntity,
        { enrolmentId },
        {
          status: enrolment.status,
          resultRecordedAt: now,
          notCompletedReasonCode: enrolment.notCompletedReasonCode,
          notCompletedReason: enrolment.notCompletedReason,
        },
      );
      const snapshot = snapshotOf(enrolment, run);
      if (enrolment.status === 'completed') {
        await publish(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, { enrolment: snapshot, sessionsAttended, completedAt: timestampFromDate(now) });
      } else {
        await publish(EnrolmentsEvents.EnrolmentNotCompleted, enrolmentId, {
          enrolment: snapshot,
          sessionsAttended,
          // The code only: the provider's text may be about the teacher's health and stays here.
          reasonCode: notCompletedReasonToContract(enrolment.notCompletedReasonCode ?? 'OTHER'),
          recordedAt: timestampFromDate(now),
        });
      }
      return enrolment;
    });
  }

  /**
   * A run that has begun starts the participation of every confirmed enrolment in it that has not started yet
   * (the scheduler calls this; attendance may have started some earlier). Returns how many started.
   */
  async startDueParticipations(now = new Date()): Promise<number> {
    const today = amsterdamDate(now);
    const due: { enrolment_id: string }[] = await this.dataSource.query(
      `SELECT e.enrolment_id
         FROM ${this.table(EnrolmentEntity)} e JOIN ${this.table(KnownRunEntity)} r ON r.run_id = e.run_id
        WHERE e.status = 'confirmed' AND e.participation_started_on IS NULL AND r.status = 'scheduled' AND r.start_date <= $1
        ORDER BY r.start_date, e.arrival_number LIMIT 500`,
      [today],
    );
    let started = 0;
    for (const row of due) {
      if (await this.startDueParticipation(row.enrolment_id, now)) started += 1;
    }
    return started;
  }

  /**
   * One enrolment of the run-start job, in its own transaction. The selection above holds no lock, so the enrolment
   * or its run may have been cancelled (or the run moved) since: it is read again under the run's lock, the lock a
   * cancellation takes too, and starts only when it still is due. Returns whether it started.
   */
  async startDueParticipation(enrolmentId: string, now = new Date()): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(EnrolmentEntity, { enrolmentId });
      if (!found) return false;
      const run = await lockRun(manager, found.runId);
      const enrolment = await manager.findOneByOrFail(EnrolmentEntity, { enrolmentId });
      const due = !!run && run.status === 'scheduled' && run.startDate <= amsterdamDate(now) && enrolment.status === 'confirmed';
      if (!due || enrolment.participationStartedOn !== null) return false;
      return startParticipation(manager, enrolment, run.startDate, publisherFor(manager));
    });
  }

  private async findByKey(teacherId: string, idempotencyKey: string, runId: string, manager = this.dataSource.manager): Promise<Placed | undefined> {
    const original = await manager.findOneBy(EnrolmentEntity, { teacherId, idempotencyKey });
    if (!original) return undefined;
    if (original.runId !== runId) {
      throw new EnrolmentError('IDEMPOTENCY_KEY_REUSED', 'unprocessable', 'Deze Idempotency-Key is al gebruikt voor een inschrijving in een andere uitvoering.');
    }
    return { enrolment: original, position: await waitingListPosition(manager, original), replayed: true };
  }

  private async originalOf(teacherId: string, idempotencyKey: string, runId: string): Promise<Placed> {
    const original = await this.findByKey(teacherId, idempotencyKey, runId);
    // Enrolments are never deleted, so a key once used keeps its enrolment.
    if (!original) throw new Error(`The enrolment of Idempotency-Key ${idempotencyKey} is gone`);
    return original;
  }

  /** Locks the run (the order every command on a run takes, so no deadlocks) and checks it takes enrolments. */
  private async openRun(manager: EntityManager, runId: string): Promise<KnownRunEntity> {
    const run = await this.lockedRun(manager, runId);
    this.assertOpen(run, await manager.findOneBy(KnownOfferEntity, { offerId: run.offerId }));
    return run;
  }

  private async lockedRun(manager: EntityManager, runId: string): Promise<KnownRunEntity> {
    const run = await lockRun(manager, runId);
    if (!run) throw new EnrolmentError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering is niet bekend.');
    return run;
  }

  private assertOpen(run: RunFacts, offer: OfferFacts | null): void {
    assertOpenForEnrolment(run, offer, new Date());
  }

  private async withLockedEnrolment<T>(
    principal: Principal,
    enrolmentId: string,
    work: (manager: EntityManager, enrolment: EnrolmentEntity, run: KnownRunEntity) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(EnrolmentEntity, { enrolmentId });
      if (!found) throw enrolmentNotFound();
      const run = await lockRun(manager, found.runId);
      // Read again under the run's lock: another command may have changed it meanwhile. One the caller may not see
      // answers as a missing one; one it may see but not change gets the command's own 403.
      const enrolment = visibleOrNotFound(
        await manager.findOneByOrFail(EnrolmentEntity, { enrolmentId }),
        (candidate) => mayReadEnrolment(principal, candidate, run?.providerId),
        enrolmentNotFound,
      );
      return work(manager, enrolment, run!);
    });
  }

  private cancellationCause(principal: Principal, enrolment: EnrolmentEntity, run: KnownRunEntity): CancellationCauseCode {
    if (hasRole(principal, 'teacher') && principal.teacherId === enrolment.teacherId) return 'teacher';
    if (hasRole(principal, 'provider') && principal.providerId === run.providerId) return 'provider';
    if (hasRole(principal, 'school-leader') && principal.schoolId === enrolment.schoolId) return 'school_leader';
    throw new EnrolmentError('FORBIDDEN', 'forbidden', 'U mag deze inschrijving niet annuleren.');
  }

  private assertProviderOf(principal: Principal, run: KnownRunEntity): void {
    if (!hasRole(principal, 'provider') || principal.providerId !== run.providerId) {
      throw new EnrolmentError('FORBIDDEN', 'forbidden', 'Alleen de aanbieder van deze uitvoering kan dit vastleggen.');
    }
  }

  private newEnrolment(
    teacher: Pick<TeacherEntity, 'teacherId' | 'schoolId' | 'regionId' | 'sector'>,
    run: Pick<KnownRunEntity, 'runId' | 'offerId'>,
    arrivalNumber: number,
    status: 'confirmed' | 'waitlisted',
    extra: { idempotencyKey?: string | null; teamEnrolmentId?: string },
  ): EnrolmentEntity {
    const now = new Date();
    return Object.assign(new EnrolmentEntity(), {
      enrolmentId: randomUUID(),
      teacherId: teacher.teacherId,
      runId: run.runId,
      offerId: run.offerId,
      status,
      arrivalNumber,
      schoolId: teacher.schoolId,
      regionId: teacher.regionId,
      sector: teacher.sector,
      teamEnrolmentId: extra.teamEnrolmentId ?? null,
      idempotencyKey: extra.idempotencyKey ?? null,
      enrolledAt: now,
      confirmedAt: status === 'confirmed' ? now : null,
      cancelledAt: null,
      cancellationCause: null,
      participationStartedOn: null,
      resultRecordedAt: null,
      notCompletedReasonCode: null,
      notCompletedReason: null,
    });
  }

  private table(entity: typeof EnrolmentEntity | typeof KnownRunEntity): string {
    return this.dataSource.getMetadata(entity).tablePath;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
