import type { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, type Page, type PageQuery } from '@napl/service-kit';
import { regionNotFound } from '../domain/region.errors';
import { RegionEntity } from '../infrastructure/region.entity';
import { SchoolLocationEntity } from '../infrastructure/school-location.entity';
import { assertMayReadRegionDetails } from './region-access';
import { regionViewOf, schoolLocationViewOf, type RegionView, type SchoolLocationView } from './region-views';

/** Every region, closed ones included (their history stays), by id: the list is public to everyone signed in. */
export async function listRegions(dataSource: DataSource, query: PageQuery): Promise<Page<RegionView>> {
  const limit = limitOf(query);
  const [after] = decodeCursor(query.cursor, ['text']) ?? [];
  const rows = await dataSource
    .getRepository(RegionEntity)
    .createQueryBuilder('region')
    .where(after === undefined ? 'TRUE' : 'region.region_id > :after', { after })
    .orderBy('region.region_id', 'ASC')
    .limit(limit + 1)
    .getMany();
  return pageOf(rows, limit, (row) => [row.regionId], regionViewOf);
}

export async function getRegion(dataSource: DataSource, regionId: string): Promise<RegionView> {
  const row = await dataSource.getRepository(RegionEntity).findOneBy({ regionId });
  if (!row) throw regionNotFound();
  return regionViewOf(row);
}

/** A region's school locations, by id: the ministry, admins and the region's own users. */
export async function listSchoolLocations(dataSource: DataSource, principal: Principal, regionId: string, query: PageQuery): Promise<Page<SchoolLocationView>> {
  const exists = await dataSource.getRepository(RegionEntity).existsBy({ regionId });
  if (!exists) throw regionNotFound();
  assertMayReadRegionDetails(principal, regionId);
  const limit = limitOf(query);
  const [after] = decodeCursor(query.cursor, ['text']) ?? [];
  const rows = await dataSource
    .getRepository(SchoolLocationEntity)
    .createQueryBuilder('location')
    .where('location.region_id = :regionId', { regionId })
    .andWhere(after === undefined ? 'TRUE' : 'location.school_id > :after', { after })
    .orderBy('location.school_id', 'ASC')
    .limit(limit + 1)
    .getMany();
  return pageOf(rows, limit, (row) => [row.schoolId], schoolLocationViewOf);
}
