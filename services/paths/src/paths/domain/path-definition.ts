import { PathError } from './path.errors';

/**
 * A development path as versioned data: the ministry drafts a version, publishes it, and never edits it after that,
 * because teachers' progress refers to its steps. A new version is a new draft; teachers stay on the version they
 * started until they choose to move.
 */

/** The competence areas of the professional standards (bekwaamheidseisen 2017), as stable codes. */
export const COMPETENCE_AREAS = ['subject-knowledge', 'subject-didactics', 'pedagogy', 'professional-community'] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number];

export const PATH_SECTORS = ['po', 'vo', 'mbo'] as const;
export type PathSector = (typeof PATH_SECTORS)[number];

/** Step codes are what the catalogue's offers name (OfferSnapshot.path_step_codes): same form as there. */
export const STEP_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * What completes a step: a number of hours of completed offers that serve it, offers of named kinds (each kind at least
 * once), or both. Kinds are the catalogue's offer formats (course, coaching, intervision, …).
 */
export interface StepRequirement {
  readonly minimumHours: number | null;
  readonly requiredFormats: readonly string[];
}

export interface PathStep {
  readonly code: string;
  readonly title: string;
  readonly competenceAreas: readonly CompetenceArea[];
  readonly learningOutcomes: readonly string[];
  readonly requirement: StepRequirement;
}

export interface PathPhase {
  readonly code: string;
  readonly title: string;
  readonly steps: readonly PathStep[];
}

/** The content of one version: its phases, in order, and their steps. */
export interface PathVersionContent {
  readonly sectors: readonly PathSector[];
  readonly phases: readonly PathPhase[];
}

export type PathVersionStatus = 'draft' | 'published';

/** The steps of a version in order, phase by phase. */
export function stepsOf(content: PathVersionContent): PathStep[] {
  return content.phases.flatMap((phase) => phase.steps);
}

export function findStep(content: PathVersionContent, stepCode: string): PathStep {
  const step = stepsOf(content).find((candidate) => candidate.code === stepCode);
  if (!step) throw new PathError('STEP_NOT_FOUND', 'not-found', `Stap ${stepCode} bestaat niet in deze versie van het pad.`);
  return step;
}

/**
 * Checks what the DTO validation cannot see on its own: codes unique within the version (progress refers to steps by
 * code, also across versions), and a requirement that can be met. Collects every problem, so the ministry fixes a draft
 * in one go.
 */
export function assertValidContent(content: PathVersionContent): void {
  const problems: string[] = [];
  if (content.sectors.length === 0) problems.push('Noem ten minste één sector (po, vo of mbo).');
  if (content.phases.length === 0) problems.push('Een pad heeft ten minste één fase.');
  const phaseCodes = new Set<string>();
  const stepCodes = new Set<string>();
  for (const phase of content.phases) {
    if (phaseCodes.has(phase.code)) problems.push(`Fasecode ${phase.code} komt meer dan eens voor.`);
    phaseCodes.add(phase.code);
    if (phase.steps.length === 0) problems.push(`Fase ${phase.code} heeft geen stappen.`);
    for (const step of phase.steps) {
      if (!STEP_CODE_PATTERN.test(step.code)) problems.push(`Stapcode ${step.code} heeft geen geldige vorm.`);
      if (stepCodes.has(step.code)) problems.push(`Stapcode ${step.code} komt meer dan eens voor.`);
      stepCodes.add(step.code);
      if (step.competenceAreas.length === 0) problems.push(`Stap ${step.code} noemt geen bekwaamheidsdomein.`);
      if (step.learningOutcomes.length === 0) problems.push(`Stap ${step.code} noemt geen leeropbrengst.`);
      const { minimumHours, requiredFormats } = step.requirement;
      if (minimumHours === null && requiredFormats.length === 0) {
        problems.push(`Stap ${step.code} zegt niet wat haar afrondt: een aantal uren, soorten aanbod, of beide.`);
      }
      if (minimumHours !== null && !(Number.isInteger(minimumHours) && minimumHours > 0)) {
        problems.push(`Stap ${step.code}: het aantal uren is een geheel getal groter dan 0.`);
      }
      if (new Set(requiredFormats).size !== requiredFormats.length) problems.push(`Stap ${step.code} noemt een soort aanbod dubbel.`);
    }
  }
  if (problems.length > 0) throw new PathError('INVALID_DEFINITION', 'invalid', problems.join(' '), { problems });
}

/** Only a draft changes; a published version is what teachers' progress refers to. */
export function assertDraft(status: PathVersionStatus): void {
  if (status !== 'draft') {
    throw new PathError('VERSION_NOT_DRAFT', 'conflict', 'Een gepubliceerde versie wordt nooit gewijzigd; maak een nieuwe versie.');
  }
}
