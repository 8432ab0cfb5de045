import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, IsNull, Not } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { EnrolmentsEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { visibleOrNotFound } from '@napl/service-kit';
import { EnrolmentError } from '../../enrolments/domain/enrolment.errors';
import { EnrolmentEntity } from '../../enrolments/infrastructure/enrolment.entity';
import { NotificationEntity } from '../../enrolments/infrastructure/notification.entity';
import { SchoolEntity } from '../../schools/infrastructure/school.entity';
import type { SectorCode } from '../domain/teacher';
import { TeacherEntity } from '../infrastructure/teacher.entity';

export interface TeacherProfileInput {
  readonly sector: SectorCode;
  readonly schoolId?: string;
  readonly name?: string;
  readonly email?: string;
}

export interface TeacherView {
  teacherId: string;
  /** Null until the teacher sets it (a profile made on the first enrolment). */
  sector: SectorCode | null;
  schoolId: string;
  brin: string;
  schoolName: string;
  regionId: string;
  regionName: string;
  name: string | null;
  email: string | null;
  personalDataErased: boolean;
  participantSince: string | null;
}

/** The teacher's own pseudonymous id from the token; other roles have none. */
export function teacherIdOf(principal: Principal): string {
  if (!hasRole(principal, 'teacher') || !principal.teacherId) {
    throw new EnrolmentError('FORBIDDEN', 'forbidden', 'Alleen een docent met een docent-id kan dit doen.');
  }
  return principal.teacherId;
}

@Injectable()
export class TeachersService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Registers or updates the caller's profile. The school comes from the token (a body school must match it) and
   * must be known; its region follows from it.
   */
  async register(principal: Principal, input: TeacherProfileInput): Promise<{ teacher: TeacherView; created: boolean }> {
    const teacherId = teacherIdOf(principal);
    // Only the identity provider vouches for the school (the token's school claim). Without it a teacher could
    // pick any school, join its team and show up for its leader, with that school's region in every count.
    if (!principal.schoolId) {
      throw new EnrolmentError(
        'SCHOOL_NOT_IN_ACCOUNT',
        'forbidden',
        'Uw account vermeldt geen school. De school moet uit uw inlog komen; vraag uw schoolbeheerder om deze in uw account vast te leggen.',
      );
    }
    const schoolId = input.schoolId ?? principal.schoolId;
    if (principal.schoolId !== schoolId) {
      throw new EnrolmentError('SCHOOL_MISMATCH', 'forbidden', 'U kunt zich alleen registreren bij de school waar u volgens uw account werkt.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const school = await manager.findOneBy(SchoolEntity, { schoolId });
      if (!school) throw new EnrolmentError('SCHOOL_UNKNOWN', 'unprocessable', `School ${schoolId} is niet bekend in het register van onderwijsregio's.`);
      const existing = await manager.findOne(TeacherEntity, { where: { teacherId }, lock: { mode: 'pessimistic_write' } });
      const teacher = existing ?? manager.create(TeacherEntity, { teacherId, registeredAt: new Date(), personalDataErasedAt: null, participantSince: null });
      teacher.sector = input.sector;
      teacher.schoolId = school.schoolId;
      teacher.regionId = school.regionId;
      // Omitted personal data stays as it is; an empty string clears it.
      if (input.name !== undefined) teacher.name = input.name.trim() || null;
      if (input.email !== undefined) teacher.email = input.email.trim() || null;
      teacher.name ??= null;
      teacher.email ??= null;
      if (input.name || input.email) teacher.personalDataErasedAt = null;
      await manager.save(teacher);
      return { teacher: viewOf(teacher, school), created: !existing };
    });
  }

  /**
   * A teacher sees themself; a school leader the teachers of their school; an admin everyone. Anyone else gets the
   * 404 of an unknown teacher, so the answer does not tell who is registered.
   */
  async get(principal: Principal, teacherId: string): Promise<TeacherView> {
    const teacher = visibleOrNotFound(
      await this.dataSource.getRepository(TeacherEntity).findOneBy({ teacherId }),
      (found) =>
        (hasRole(principal, 'teacher') && principal.teacherId === found.teacherId) ||
        hasRole(principal, 'admin') ||
        (hasRole(principal, 'school-leader') && !!principal.schoolId && found.schoolId === principal.schoolId),
      teacherNotFound,
    );
    const school = await this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ schoolId: teacher.schoolId });
    return viewOf(teacher, school);
  }

  /**
   * Erases the personal data on request of the teacher or an admin: name and e-mail, the providers' free text about
   * the teacher's results, and the messages to the teacher. TeacherErased, in the same transaction, carries only the
   * pseudonymous id to the services that hold free text of the teacher's (quality: evaluation comments). The
   * pseudonymous id, the enrolments and every count stay as they are.
   */
  async erasePersonalData(principal: Principal, teacherId: string): Promise<void> {
    const own = hasRole(principal, 'teacher') && principal.teacherId === teacherId;
    if (!own && !hasRole(principal, 'admin')) {
      throw new EnrolmentError('FORBIDDEN', 'forbidden', 'Alleen de docent zelf of een beheerder kan persoonsgegevens laten wissen.');
    }
    await inTransaction(this.dataSource, async (manager) => {
      const erasedAt = new Date();
      const result = await manager.update(TeacherEntity, { teacherId }, { name: null, email: null, personalDataErasedAt: erasedAt });
      if (!result.affected) throw teacherNotFound();
      await manager.update(EnrolmentEntity, { teacherId, notCompletedReason: Not(IsNull()) }, { notCompletedReason: null });
      await manager.delete(NotificationEntity, { teacherId });
      await publishInTransaction(manager, EnrolmentsEvents.TeacherErased, teacherId, { teacherId, erasedAt: timestampFromDate(erasedAt) });
    });
  }
}

function teacherNotFound(): EnrolmentError {
  return new EnrolmentError('TEACHER_NOT_FOUND', 'not-found', 'Deze docent heeft zich nog niet geregistreerd.');
}

function viewOf(teacher: TeacherEntity, school: SchoolEntity): TeacherView {
  return {
    teacherId: teacher.teacherId,
    sector: teacher.sector,
    schoolId: teacher.schoolId,
    brin: teacher.schoolId.slice(0, 4),
    schoolName: school.name,
    regionId: teacher.regionId,
    regionName: school.regionName,
    name: teacher.name,
    email: teacher.email,
    personalDataErased: teacher.personalDataErasedAt !== null,
    participantSince: teacher.participantSince,
  };
}
