/**
 * Dutch names of the platform's codes, the same on every page: sectors (po, vo, mbo, vso, as the services and the
 * contracts name them), offer formats and delivery modes (the catalogue's). A page that needs a shorter label for a
 * code says so where it shows it.
 */
export const SECTOR_NAMES: Record<string, string> = {
  po: 'Primair onderwijs',
  vo: 'Voortgezet onderwijs',
  mbo: 'Middelbaar beroepsonderwijs',
  vso: 'Voortgezet speciaal onderwijs',
};

export const FORMAT_NAMES: Record<string, string> = {
  course: 'Cursus',
  training: 'Training',
  coaching: 'Coaching',
  intervision: 'Intervisie',
  'learning-community': 'Leergemeenschap',
  masterclass: 'Masterclass',
  'team-programme': 'Teamprogramma',
  'e-learning': 'E-learning',
  conference: 'Congres',
  'degree-programme': 'Opleiding met diploma',
};

export const DELIVERY_MODE_NAMES: Record<string, string> = { 'on-site': 'Op locatie', online: 'Online', blended: 'Deels op locatie, deels online' };

/** A code's Dutch name, or the code itself when this build does not know it (a newer service's value). */
export function nameOf(names: Record<string, string>, code: string): string {
  return names[code] ?? code;
}
