import type { DataSource } from 'typeorm';
import type { RegionKind } from '../domain/budget';
import { RegionError, regionNotFound } from '../domain/region.errors';
import type { RegionView } from './region-views';

export interface RegionInput {
  readonly name: string;
  readonly kind: RegionKind;
  /** Absent: kept as it is (empty for a new region). */
  readonly leadApplicant?: string;
  /** Absent: kept as it is (active for a new region). A region is closed, never deleted: its history stays. */
  readonly active?: boolean;
}

interface RegionRow {
  name: string;
  kind: string;
  lead_applicant: string;
  active: boolean;
}

const viewOf = (regionId: string, row: RegionRow): RegionView => ({ regionId, name: row.name, kind: row.kind, leadApplicant: row.lead_applicant, active: row.active });

/**
 * Adds a region to the list the ministry manages. Its id is chosen here and named by tokens and events from then on,
 * so an id already in use is refused (409), never taken over. One statement, so two requests cannot both add it.
 */
export async function createRegion(dataSource: DataSource, regionId: string, input: RegionInput): Promise<RegionView> {
  const rows = await dataSource.query<RegionRow[]>(
    `INSERT INTO region (region_id, name, kind, lead_applicant, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (region_id) DO NOTHING RETURNING name, kind, lead_applicant, active`,
    [regionId, input.name, input.kind, input.leadApplicant ?? '', input.active ?? true],
  );
  if (rows.length === 0) throw new RegionError('REGION_EXISTS', 'conflict', `Er bestaat al een onderwijsregio met id ${regionId}; wijzig die met PUT.`, { regionId });
  return viewOf(regionId, rows[0]);
}

/** Renames, reclassifies or closes a region; what the input leaves out stays as it is. */
export async function updateRegion(dataSource: DataSource, regionId: string, input: RegionInput): Promise<RegionView> {
  const [rows] = await dataSource.query<[RegionRow[], number]>(
    `UPDATE region SET name = $2, kind = $3, lead_applicant = COALESCE($4, lead_applicant), active = COALESCE($5, active)
      WHERE region_id = $1 RETURNING name, kind, lead_applicant, active`,
    [regionId, input.name, input.kind, input.leadApplicant ?? null, input.active ?? null],
  );
  if (rows.length === 0) throw regionNotFound();
  return viewOf(regionId, rows[0]);
}
