import { Sector } from '@napl/contracts';

export const SECTOR_CODES = ['po', 'vo', 'mbo', 'vso'] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

const SECTOR_ENUM: Record<SectorCode, Sector> = { po: Sector.PO, vo: Sector.VO, mbo: Sector.MBO, vso: Sector.VSO };

export function sectorToContract(code: SectorCode): Sector {
  return SECTOR_ENUM[code];
}

export function sectorFromContract(sector: Sector): SectorCode | undefined {
  return (Object.entries(SECTOR_ENUM) as [SectorCode, Sector][]).find(([, value]) => value === sector)?.[0];
}

/** A school location id: BRIN (2 digits, 2 letters) plus a 2-digit location code, e.g. `12AB00`. */
export const SCHOOL_ID_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;

export function brinOf(schoolId: string): string {
  return schoolId.slice(0, 4);
}
