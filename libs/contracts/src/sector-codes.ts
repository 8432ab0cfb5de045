import { Sector } from './gen/napl/catalogue/v1/offer_events_pb';

/** The sectors as the services' APIs and tables name them (po, vo, mbo, vso), and as the contracts carry them. */
export const SECTOR_CODES = ['po', 'vo', 'mbo', 'vso'] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

const SECTOR_ENUM: Record<SectorCode, Sector> = { po: Sector.PO, vo: Sector.VO, mbo: Sector.MBO, vso: Sector.VSO };

export function sectorToContract(code: SectorCode): Sector {
  return SECTOR_ENUM[code];
}

/** Undefined for SECTOR_UNSPECIFIED or a value this build does not know. */
export function sectorFromContract(sector: Sector): SectorCode | undefined {
  return (Object.entries(SECTOR_ENUM) as [SectorCode, Sector][]).find(([, value]) => value === sector)?.[0];
}
