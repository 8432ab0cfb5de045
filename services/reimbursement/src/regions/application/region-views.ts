import type { RegionEntity } from '../infrastructure/region.entity';
import type { SchoolLocationEntity } from '../infrastructure/school-location.entity';

export interface RegionView {
  readonly regionId: string;
  readonly name: string;
  readonly kind: string;
  readonly leadApplicant: string;
  readonly active: boolean;
}

export interface SchoolLocationView {
  readonly schoolId: string;
  readonly regionId: string;
  readonly name: string;
  readonly updatedAt: string;
}

export function regionViewOf(row: RegionEntity): RegionView {
  return { regionId: row.regionId, name: row.name, kind: row.kind, leadApplicant: row.leadApplicant, active: row.active };
}

export function schoolLocationViewOf(row: SchoolLocationEntity): SchoolLocationView {
  return { schoolId: row.schoolId, regionId: row.regionId, name: row.name, updatedAt: row.updatedAt.toISOString() };
}
