// The sector codes and their contract values are the platform's (one definition, in the contracts lib).
export { SECTOR_CODES, sectorFromContract, sectorToContract, type SectorCode } from '@napl/contracts';

/** A school location id: BRIN (2 digits, 2 letters) plus a 2-digit location code, e.g. `12AB00`. */
export const SCHOOL_ID_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;

export function brinOf(schoolId: string): string {
  return schoolId.slice(0, 4);
}
