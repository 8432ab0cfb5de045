import type { Role } from '@napl/auth';

export interface NavigationItem {
  readonly href: string;
  readonly label: string;
}

/** The main pages of each role, in the order a user needs them; a user with several roles sees each role's items. */
export const NAVIGATION: Record<Role, readonly NavigationItem[]> = {
  teacher: [
    { href: '/aanbod', label: 'Aanbod zoeken' },
    { href: '/mijn/inschrijvingen', label: 'Mijn inschrijvingen' },
    { href: '/mijn/pad', label: 'Mijn ontwikkelpad' },
    { href: '/mijn/meldingen', label: 'Meldingen' },
    { href: '/mijn/gegevens', label: 'Mijn gegevens' },
  ],
  'school-leader': [
    { href: '/team', label: 'Mijn team' },
    { href: '/aanbod', label: 'Aanbod zoeken' },
  ],
  provider: [
    { href: '/opleider/aanbod', label: 'Mijn aanbod' },
    { href: '/opleider/api-tokens', label: 'API-tokens' },
  ],
  assessor: [{ href: '/beoordelen', label: 'Te beoordelen' }],
  region: [
    { href: '/regio', label: 'Budget' },
    { href: '/regio/inschrijvingen', label: 'Inschrijvingen' },
    { href: '/regio/declaraties', label: 'Declaraties' },
    { href: '/regio/overzichten', label: 'Betaaloverzichten' },
  ],
  ministry: [
    { href: '/ministerie', label: 'Dashboard' },
    { href: '/ministerie/beoordelingen', label: 'Te beoordelen' },
    { href: '/ministerie/regels', label: 'Vergoedingsregels' },
    { href: '/ministerie/regio-s', label: "Regio's" },
    { href: '/ministerie/kwaliteitskader', label: 'Kwaliteitskader' },
    { href: '/ministerie/paden', label: 'Ontwikkelpaden' },
    { href: '/ministerie/auditlog', label: 'Auditlog' },
  ],
  admin: [{ href: '/ministerie/auditlog', label: 'Auditlog' }],
};

export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  const seen = new Set<string>();
  return roles.flatMap((role) => NAVIGATION[role] ?? []).filter((item) => !seen.has(item.href) && seen.add(item.href) !== undefined);
}

/** The item the path belongs to: the longest href that is the path or a folder above it. */
export function currentItem(items: readonly NavigationItem[], path: string): NavigationItem | undefined {
  return items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

export const ROLE_NAMES: Record<Role, string> = {
  teacher: 'leraar',
  'school-leader': 'schoolleider',
  provider: 'opleider',
  assessor: 'beoordelaar',
  region: 'onderwijsregio',
  ministry: 'ministerie',
  admin: 'beheerder',
};
