import type { ContentProblem, OfferContent } from './offer-content';

/**
 * What an offer version must have before it is submitted for assessment. Rules are versioned: a version records
 * the rules it was submitted under, and a published version is never judged again by newer rules (a stricter
 * set applies to the next version the provider submits, not to what is already published).
 */
export interface PublicationRules {
  readonly version: number;
  readonly validFrom: string;
  check(content: OfferContent): ContentProblem[];
}

const RULES_V1: PublicationRules = {
  version: 1,
  validFrom: '2025-01-01',
  check(content) {
    const problems: ContentProblem[] = [];
    if (content.summary.trim().length < 20) problems.push({ field: 'summary', message: 'moet minstens 20 tekens zijn' });
    if (content.description.trim().length < 100) problems.push({ field: 'description', message: 'moet minstens 100 tekens zijn' });
    if (content.learningOutcomes.length === 0) problems.push({ field: 'learningOutcomes', message: 'noem minstens één leeropbrengst' });
    if (content.studyLoadHours < 1) problems.push({ field: 'studyLoadHours', message: 'moet minstens 1 uur zijn' });
    if (content.priceCents > 0 && content.priceCovers.trim().length === 0) {
      problems.push({ field: 'priceCovers', message: 'beschrijf wat de prijs omvat' });
    }
    return problems;
  },
};

/** Since 2026 every offer names the development-path steps it serves (the paths are the backbone of NAPL). */
const RULES_V2: PublicationRules = {
  version: 2,
  validFrom: '2026-01-01',
  check(content) {
    const problems = RULES_V1.check(content);
    if (content.pathStepCodes.length === 0) problems.push({ field: 'pathStepCodes', message: 'noem minstens één stap van een ontwikkelpad' });
    return problems;
  },
};

const ALL_RULES = [RULES_V1, RULES_V2];

/** The rules in force on a day (ISO date, Europe/Amsterdam): the latest whose validFrom has passed. */
export function publicationRulesOn(date: string): PublicationRules {
  return [...ALL_RULES].reverse().find((rules) => rules.validFrom <= date) ?? RULES_V1;
}

export function publicationRules(version: number): PublicationRules | undefined {
  return ALL_RULES.find((rules) => rules.version === version);
}
