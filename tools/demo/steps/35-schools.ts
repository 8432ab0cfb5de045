/**
 * Demo school locations with plausible education regions (no complete official list exists; the ministry manages it
 * as data), entered as the ministry through the enrolments API. 12AB00 and 34CD01 are the schools of the demo
 * accounts, so this runs before the teachers register. Runs on every start: a school already on the list as it is
 * here is left alone; one that differs is corrected.
 */
import { DemoClient } from '../demo-client';

interface DemoSchool {
  schoolId: string;
  name: string;
  regionId: string;
  regionName: string;
}

export default async function schoolsDemo(client: DemoClient): Promise<string> {
  const schools = DemoClient.readData<DemoSchool[]>('enrolments-schools.json');
  const known = new Map(
    (await client.expect<DemoSchool[]>([200], 'ministerie-ocw', 'enrolments', 'GET', '/v1/schools')).body.map((school) => [school.schoolId, school]),
  );
  let registered = 0;
  let corrected = 0;
  for (const { schoolId, ...fields } of schools) {
    const existing = known.get(schoolId);
    if (existing && existing.name === fields.name && existing.regionId === fields.regionId && existing.regionName === fields.regionName) continue;
    const response = await client.expect([200, 201], 'ministerie-ocw', 'enrolments', 'PUT', `/v1/schools/${schoolId}`, fields);
    if (response.status === 201) registered++;
    else corrected++;
  }
  return `${registered} schools registered, ${corrected} corrected`;
}
