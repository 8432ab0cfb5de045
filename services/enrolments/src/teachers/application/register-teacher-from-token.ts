import type { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { EnrolmentError } from '../../enrolments/domain/enrolment.errors';
import { SchoolEntity } from '../../schools/infrastructure/school.entity';
import { TeacherEntity } from '../infrastructure/teacher.entity';
import { teacherIdOf } from './teachers.service';

/**
 * Makes the caller's teacher profile from the token on first use (docs/api-conventions.md): the token proves who the
 * teacher is and where they work, so a separate registration step asks nothing new. The sector is not in the token
 * and stays empty until the teacher sets it (PUT /v1/teachers/me); name and e-mail likewise, as the platform's
 * tokens carry no such claims. The school must be in the register, as for an explicit registration.
 * Concurrent first uses (two tabs, a retry) make one profile: the insert does nothing when it already exists.
 */
export async function registerTeacherFromToken(dataSource: DataSource, principal: Principal): Promise<void> {
  const teacherId = teacherIdOf(principal);
  if (!principal.schoolId) {
    throw new EnrolmentError(
      'TEACHER_NOT_REGISTERED',
      'unprocessable',
      'Uw account vermeldt geen school, dus er is geen docentprofiel te maken. Vraag uw schoolbeheerder om uw school in uw account vast te leggen.',
    );
  }
  const school = await dataSource.getRepository(SchoolEntity).findOneBy({ schoolId: principal.schoolId });
  if (!school) {
    throw new EnrolmentError('SCHOOL_UNKNOWN', 'unprocessable', `School ${principal.schoolId} is niet bekend in het register van onderwijsregio's.`);
  }
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(TeacherEntity)
    .values({
      teacherId,
      sector: null,
      schoolId: school.schoolId,
      regionId: school.regionId,
      name: null,
      email: null,
      personalDataErasedAt: null,
      participantSince: null,
      registeredAt: new Date(),
    })
    .orIgnore()
    .execute();
}
