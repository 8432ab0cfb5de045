// The sector codes and their contract values are the platform's (one definition, in the contracts lib).
import { Sector, sectorToContract, type SectorCode } from '@napl/contracts';

export { SECTOR_CODES, sectorFromContract, sectorToContract, type SectorCode } from '@napl/contracts';

/** A sector for an event: a teacher who has not set theirs yet (profile made on first enrolment) is SECTOR_UNSPECIFIED. */
export function sectorOrUnspecified(code: SectorCode | null): Sector {
  return code === null ? Sector.UNSPECIFIED : sectorToContract(code);
}

/** A school location id: BRIN (2 digits, 2 letters) plus a 2-digit location code, e.g. `12AB00`. */
export const SCHOOL_ID_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;

export function brinOf(schoolId: string): string {
  return schoolId.slice(0, 4);
}
