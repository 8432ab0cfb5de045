import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { DataSource } from 'typeorm';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { teacherIdOf } from '../../teachers/application/teachers.service';
import type { EnrolmentStatus, NotCompletedReasonCode } from '../domain/enrolment-rules';
import { EnrolmentError } from '../domain/enrolment.errors';
import { AttendanceEntity } from '../infrastructure/attendance.entity';
import { EnrolmentEntity } from '../infrastructure/enrolment.entity';
import { NotificationEntity } from '../infrastructure/notification.entity';

export interface EnrolmentView {
  enrolmentId: string;
  teacherId: string;
  runId: string;
  offerId: string;
  status: EnrolmentStatus;
  waitingListPosition: number | null;
  schoolId: string;
  regionId: string;
  teamEnrolmentId: string | null;
  enrolledAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancellationCause: string | null;
  participationStartedOn: string | null;
  notCompletedReasonCode: NotCompletedReasonCode | null;
  /** The provider's free text: only for the teacher, the run's provider and admins (null for everyone else). */
  notCompletedReason: string | null;
}

export interface EnrolmentFilter extends PageQuery {
  readonly runId?: string;
  readonly status?: EnrolmentStatus;
}

type NotificationView = { notificationId: string; enrolmentId: string | null; kind: string; message: string; createdAt: string };

/**
 * Who may see an enrolment (docs/access-rules.md): the teacher, the provider of its run, the leader of the teacher's
 * school, admins. Everyone else gets the 404 a missing enrolment gets.
 */
export function mayReadEnrolment(principal: Principal, enrolment: Pick<EnrolmentEntity, 'teacherId' | 'schoolId'>, runProviderId: string | undefined): boolean {
  return (
    hasRole(principal, 'admin') ||
    (hasRole(principal, 'teacher') && principal.teacherId === enrolment.teacherId) ||
    (hasRole(principal, 'provider') && !!principal.providerId && principal.providerId === runProviderId) ||
    (hasRole(principal, 'school-leader') && !!principal.schoolId && principal.schoolId === enrolment.schoolId)
  );
}

/** Who may read the provider's free text on a not-completed enrolment: the teacher it is about, the provider, admins. */
function mayReadResultNote(principal: Principal, enrolment: Pick<EnrolmentEntity, 'teacherId'>, runProviderId: string | undefined): boolean {
  return (
    hasRole(principal, 'admin') ||
    (hasRole(principal, 'teacher') && principal.teacherId === enrolment.teacherId) ||
    (hasRole(principal, 'provider') && !!principal.providerId && principal.providerId === runProviderId)
  );
}

export const enrolmentNotFound = (): EnrolmentError => new EnrolmentError('ENROLMENT_NOT_FOUND', 'not-found', 'Deze inschrijving bestaat niet.');

/**
 * Reads, scoped by who asks: a teacher sees their own enrolments, a provider those in its own runs, a school
 * leader those of their school, an admin all.
 */
@Injectable()
export class EnrolmentsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the enrolments the caller may see, by run and arrival (keyset on run_id, arrival_number). */
  async list(principal: Principal, filter: EnrolmentFilter): Promise<Page<EnrolmentView>> {
    const limit = limitOf(filter);
    const after = decodeCursor(filter.cursor, ['uuid', 'integer']);
    const query = this.dataSource
      .getRepository(EnrolmentEntity)
      .createQueryBuilder('e')
      .leftJoin(KnownRunEntity, 'r', 'r.run_id = e.run_id')
      .addSelect('r.provider_id', 'run_provider_id')
      .orderBy('e.run_id')
      .addOrderBy('e.arrival_number');
    if (hasRole(principal, 'admin')) {
      // everything
    } else if (hasRole(principal, 'provider') && principal.providerId) {
      query.andWhere('r.provider_id = :providerId', { providerId: principal.providerId });
    } else if (hasRole(principal, 'school-leader') && principal.schoolId) {
      query.andWhere('e.school_id = :schoolId', { schoolId: principal.schoolId });
    } else {
      query.andWhere('e.teacher_id = :teacherId', { teacherId: teacherIdOf(principal) });
    }
    if (filter.runId) query.andWhere('e.run_id = :runId', { runId: filter.runId });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    if (after) query.andWhere('(e.run_id, e.arrival_number) > (:afterRun::uuid, :afterArrival::int)', { afterRun: after[0], afterArrival: after[1] });
    const { entities, raw } = await query.limit(limit + 1).getRawAndEntities<{ e_enrolment_id: string; run_provider_id: string | null }>();
    const providerOf = new Map(raw.map((row) => [row.e_enrolment_id, row.run_provider_id ?? undefined]));
    const positions = await this.positionsOf(entities.slice(0, limit));
    return pageOf(
      entities,
      limit,
      (enrolment) => [enrolment.runId, enrolment.arrivalNumber],
      (enrolment) => viewFor(principal, enrolment, providerOf.get(enrolment.enrolmentId), positions.get(enrolment.enrolmentId) ?? null),
    );
  }

  async get(principal: Principal, enrolmentId: string): Promise<EnrolmentView & { attendance: { session: number; attended: boolean }[] }> {
    const found = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ enrolmentId });
    const run = found ? await this.dataSource.getRepository(KnownRunEntity).findOneBy({ runId: found.runId }) : null;
    const enrolment = visibleOrNotFound(found, (candidate) => mayReadEnrolment(principal, candidate, run?.providerId), enrolmentNotFound);
    const positions = await this.positionsOf([enrolment]);
    const attendance = await this.dataSource.getRepository(AttendanceEntity).find({ where: { enrolmentId }, order: { sessionNumber: 'ASC' } });
    return {
      ...viewFor(principal, enrolment, run?.providerId, positions.get(enrolmentId) ?? null),
      attendance: attendance.map((row) => ({ session: row.sessionNumber, attended: row.attended })),
    };
  }

  /** The teacher's own messages, newest first, a page at a time (keyset on created_at, notification_id). */
  async notifications(principal: Principal, paging: PageQuery): Promise<Page<NotificationView>> {
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['timestamp', 'uuid']);
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.teacher_id = :teacherId', { teacherId: teacherIdOf(principal) });
    if (after) query.andWhere('(n.created_at, n.notification_id) < (:createdAt::timestamptz, :id::uuid)', { createdAt: after[0], id: after[1] });
    const rows = await query.orderBy('n.created_at', 'DESC').addOrderBy('n.notification_id', 'DESC').limit(limit + 1).getMany();
    return pageOf(
      rows,
      limit,
      (row) => [row.createdAt.toISOString(), row.notificationId],
      (row) => ({ notificationId: row.notificationId, enrolmentId: row.enrolmentId, kind: row.kind, message: row.message, createdAt: row.createdAt.toISOString() }),
    );
  }

  /** Waiting-list positions (1 is next) of the waitlisted enrolments among these, per run. */
  private async positionsOf(enrolments: EnrolmentEntity[]): Promise<Map<string, number>> {
    const runIds = [...new Set(enrolments.filter((enrolment) => enrolment.status === 'waitlisted').map((enrolment) => enrolment.runId))];
    if (runIds.length === 0) return new Map();
    const table = this.dataSource.getMetadata(EnrolmentEntity).tablePath;
    const rows: { enrolment_id: string; position: number }[] = await this.dataSource.query(
      `SELECT enrolment_id, row_number() OVER (PARTITION BY run_id ORDER BY arrival_number)::int AS position
         FROM ${table} WHERE status = 'waitlisted' AND run_id = ANY($1)`,
      [runIds],
    );
    return new Map(rows.map((row) => [row.enrolment_id, row.position]));
  }
}

/** The view as the caller may see it: the provider's free text only for those who may read it. */
export function viewFor(principal: Principal, enrolment: EnrolmentEntity, runProviderId: string | undefined, waitingListPosition: number | null): EnrolmentView {
  const view = viewOf(enrolment, waitingListPosition);
  return mayReadResultNote(principal, enrolment, runProviderId) ? view : { ...view, notCompletedReason: null };
}

/** The full view; for callers that may see the free text (the provider that recorded it, the teacher). */
export function viewOf(enrolment: EnrolmentEntity, waitingListPosition: number | null): EnrolmentView {
  return {
    enrolmentId: enrolment.enrolmentId,
    teacherId: enrolment.teacherId,
    runId: enrolment.runId,
    offerId: enrolment.offerId,
    status: enrolment.status,
    waitingListPosition,
    schoolId: enrolment.schoolId,
    regionId: enrolment.regionId,
    teamEnrolmentId: enrolment.teamEnrolmentId,
    enrolledAt: enrolment.enrolledAt.toISOString(),
    confirmedAt: enrolment.confirmedAt?.toISOString() ?? null,
    cancelledAt: enrolment.cancelledAt?.toISOString() ?? null,
    cancellationCause: enrolment.cancellationCause,
    participationStartedOn: enrolment.participationStartedOn,
    notCompletedReasonCode: enrolment.notCompletedReasonCode,
    notCompletedReason: enrolment.notCompletedReason,
  };
}
