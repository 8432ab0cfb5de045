import type { DataSource } from 'typeorm';

export interface SchoolView {
  schoolId: string;
  name: string;
  regionId: string;
  regionName: string;
}

export type SchoolInput = Omit<SchoolView, 'schoolId'>;

/**
 * Records a school location with its education region, or corrects its name or region: the list of schools is data
 * the ministry manages, not part of the schema. A corrected region applies to teachers who register from then on;
 * enrolments keep the region they were made in.
 */
export async function registerSchool(dataSource: DataSource, schoolId: string, input: SchoolInput): Promise<{ school: SchoolView; created: boolean }> {
  // One statement, so two registrations of the same new school cannot both insert. xmax is 0 only in a row version
  // this statement inserted, not in one it updated.
  const [row] = await dataSource.query<{ created: boolean }[]>(
    `INSERT INTO "school" ("school_id", "name", "region_id", "region_name") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("school_id") DO UPDATE SET "name" = EXCLUDED."name", "region_id" = EXCLUDED."region_id", "region_name" = EXCLUDED."region_name"
     RETURNING (xmax = 0) AS "created"`,
    [schoolId, input.name, input.regionId, input.regionName],
  );
  return { school: { schoolId, name: input.name, regionId: input.regionId, regionName: input.regionName }, created: row.created };
}
