import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '@napl/auth';
import { DataSource } from 'typeorm';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { teacherIdOf } from '../../teachers/application/teachers.service';
import type { EnrolmentStatus } from '../domain/enrolment-rules';
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
  notCompletedReason: string | null;
}

export interface EnrolmentFilter {
  readonly runId?: string;
  readonly status?: EnrolmentStatus;
}

/**
 * Reads, scoped by who asks: a teacher sees their own enrolments, a provider those in its own runs, a school
 * leader those of their school, an admin all.
 */
@Injectable()
export class EnrolmentsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal, filter: EnrolmentFilter): Promise<EnrolmentView[]> {
    const query = this.dataSource
      .getRepository(EnrolmentEntity)
      .createQueryBuilder('e')
      .orderBy('e.run_id')
      .addOrderBy('e.arrival_number');
    if (hasRole(principal, 'admin')) {
      // everything
    } else if (hasRole(principal, 'provider') && principal.providerId) {
      query.innerJoin(KnownRunEntity, 'r', 'r.run_id = e.run_id AND r.provider_id = :providerId', { providerId: principal.providerId });
    } else if (hasRole(principal, 'school-leader') && principal.schoolId) {
      query.andWhere('e.school_id = :schoolId', { schoolId: principal.schoolId });
    } else {
      query.andWhere('e.teacher_id = :teacherId', { teacherId: teacherIdOf(principal) });
    }
    if (filter.runId) query.andWhere('e.run_id = :runId', { runId: filter.runId });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    const enrolments = await query.limit(1000).getMany();
    const positions = await this.positionsOf(enrolments);
    return enrolments.map((enrolment) => viewOf(enrolment, positions.get(enrolment.enrolmentId) ?? null));
  }

  async get(principal: Principal, enrolmentId: string): Promise<EnrolmentView & { attendance: { session: number; attended: boolean }[] }> {
    const enrolment = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ enrolmentId });
    if (!enrolment) throw new EnrolmentError('ENROLMENT_NOT_FOUND', 'not-found', 'Deze inschrijving bestaat niet.');
    const run = await this.dataSource.getRepository(KnownRunEntity).findOneBy({ runId: enrolment.runId });
    const visible =
      hasRole(principal, 'admin') ||
      (hasRole(principal, 'teacher') && principal.teacherId === enrolment.teacherId) ||
      (hasRole(principal, 'provider') && principal.providerId === run?.providerId) ||
      (hasRole(principal, 'school-leader') && principal.schoolId === enrolment.schoolId);
    if (!visible) throw new EnrolmentError('FORBIDDEN', 'forbidden', 'U heeft geen toegang tot deze inschrijving.');
    const positions = await this.positionsOf([enrolment]);
    const attendance = await this.dataSource.getRepository(AttendanceEntity).find({ where: { enrolmentId }, order: { sessionNumber: 'ASC' } });
    return {
      ...viewOf(enrolment, positions.get(enrolmentId) ?? null),
      attendance: attendance.map((row) => ({ session: row.sessionNumber, attended: row.attended })),
    };
  }

  async notifications(principal: Principal): Promise<{ notificationId: string; enrolmentId: string | null; kind: string; message: string; createdAt: string }[]> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { teacherId: teacherIdOf(principal) }, order: { createdAt: 'DESC' }, take: 100 });
    return rows.map((row) => ({ notificationId: row.notificationId, enrolmentId: row.enrolmentId, kind: row.kind, message: row.message, createdAt: row.createdAt.toISOString() }));
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
    notCompletedReason: enrolment.notCompletedReason,
  };
}
