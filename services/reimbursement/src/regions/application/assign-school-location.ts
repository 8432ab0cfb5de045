import type { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { enrolmentsWhere, redecideEnrolments } from '../../eligibility/application/redecide-enrolments';
import { RegionError } from '../domain/region.errors';
import { RegionEntity } from '../infrastructure/region.entity';
import type { SchoolLocationView } from './region-views';

/**
 * Puts a school location in a region, or moves it: a location belongs to at most one region, so the location is the
 * key and a move is an update. Enrolments are judged by the region their school is in when they are judged.
 */
export async function assignSchoolLocation(
  dataSource: DataSource,
  schoolId: string,
  input: { regionId: string; name?: string },
): Promise<{ location: SchoolLocationView; created: boolean }> {
  return inTransaction(dataSource, async (manager) => {
    // Shared lock: the region cannot be closed while a location is being put in it.
    const region = await manager.findOne(RegionEntity, { where: { regionId: input.regionId }, lock: { mode: 'pessimistic_read' } });
    if (!region) throw new RegionError('REGION_NOT_FOUND', 'unprocessable', `De onderwijsregio ${input.regionId} bestaat niet.`, { regionId: input.regionId });
    if (!region.active) throw new RegionError('REGION_CLOSED', 'conflict', `De onderwijsregio ${input.regionId} is gesloten; er komen geen vestigingen meer bij.`, { regionId: input.regionId });
    const [row] = await manager.query<{ name: string; updated_at: Date; created: boolean }[]>(
      `INSERT INTO school_location (school_id, region_id, name) VALUES ($1, $2, COALESCE($3, ''))
       ON CONFLICT (school_id) DO UPDATE SET region_id = EXCLUDED.region_id, name = COALESCE($3, school_location.name), updated_at = now()
       RETURNING name, updated_at, (xmax = 0) AS created`,
      [schoolId, input.regionId, input.name ?? null],
    );
    await redecideEnrolments(manager, await enrolmentsWhere(manager, 'school', schoolId));
    return { location: { schoolId, regionId: input.regionId, name: row.name, updatedAt: new Date(row.updated_at).toISOString() }, created: row.created };
  });
}

/** Takes a location out of its region (it belongs to none until it is put in one again). */
export async function removeSchoolLocation(dataSource: DataSource, schoolId: string): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const [, affected] = await manager.query<[unknown, number]>(`DELETE FROM school_location WHERE school_id = $1`, [schoolId]);
    await redecideEnrolments(manager, await enrolmentsWhere(manager, 'school', schoolId));
    return affected > 0;
  });
}
