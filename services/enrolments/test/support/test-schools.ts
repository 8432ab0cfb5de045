import type { TestService } from '@napl/testing';
import type { EnrolmentsConfig } from '../../src/enrolments.config';

export interface TestSchool {
  schoolId: string;
  name: string;
  regionId: string;
  regionName: string;
}

/** The school of docent-anne and schoolleider-utrecht, and the default school of the harness's teachers. */
export const UTRECHT_SCHOOL: TestSchool = { schoolId: '12AB00', name: 'OBS De Regenboog', regionId: 'utrecht-stad', regionName: 'Utrecht Stad' };

/** The school of docent-bram. */
export const HAGUE_SCHOOL: TestSchool = { schoolId: '34CD01', name: 'Haags Montessori Lyceum', regionId: 'haaglanden', regionName: 'Haaglanden' };

/**
 * Enters schools the way the ministry does, through the API. No migration seeds any: a test registers the schools
 * its teachers work at.
 */
export async function registerSchools(service: TestService<EnrolmentsConfig>, ...schools: TestSchool[]): Promise<void> {
  const token = await service.tokenFor('ministerie-ocw');
  for (const { schoolId, ...fields } of schools) {
    const response = await service.http().put(`/v1/schools/${schoolId}`).set('Authorization', `Bearer ${token}`).send(fields);
    if (![200, 201].includes(response.status)) throw new Error(`registering school ${schoolId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
