import { SECTOR_NAMES } from '../../ui/vocabulary';

/** The paths service's development paths, as the ministry's pages read and write them. */

export type Sector = 'po' | 'vo' | 'mbo';
export type CompetenceArea = 'subject-knowledge' | 'subject-didactics' | 'pedagogy' | 'professional-community';

/** The sectors a path may be for (paths know no vso), by the portal's Dutch names. */
export const SECTOR_LABELS: Record<Sector, string> = { po: SECTOR_NAMES.po, vo: SECTOR_NAMES.vo, mbo: SECTOR_NAMES.mbo };

export const COMPETENCE_LABELS: Record<CompetenceArea, string> = {
  'subject-knowledge': 'Vakinhoud',
  'subject-didactics': 'Vakdidactiek',
  pedagogy: 'Pedagogiek',
  'professional-community': 'Professionele gemeenschap',
};

export interface PathStep {
  readonly code: string;
  readonly title: string;
  readonly competenceAreas: readonly CompetenceArea[];
  readonly learningOutcomes: readonly string[];
  readonly requirement: { readonly minimumHours?: number; readonly requiredFormats?: readonly string[] };
}

export interface PathPhase {
  readonly code: string;
  readonly title: string;
  readonly steps: readonly PathStep[];
}

export interface PathContent {
  readonly sectors: readonly Sector[];
  readonly phases: readonly PathPhase[];
}

export interface PathVersionSummary {
  readonly version: number;
  readonly status: 'draft' | 'published';
  readonly publishedAt: string | null;
}

export interface PathSummary {
  readonly pathId: string;
  readonly code: string;
  readonly title: string;
  readonly description?: string;
  readonly currentVersion: number | null;
  readonly versions: readonly PathVersionSummary[];
}

export interface PathVersion {
  readonly pathId: string;
  readonly code: string;
  readonly title: string;
  readonly version: number;
  readonly status: 'draft' | 'published';
  readonly publishedAt: string | null;
  readonly content: PathContent;
}
