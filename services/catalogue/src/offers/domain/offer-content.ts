import type { DeliveryMode, OfferFormat, OfferLanguage, SectorCode } from './offer-vocabulary';

/** What a provider writes about an offer; one set per version. */
export interface OfferContent {
  title: string;
  summary: string;
  description: string;
  sectors: SectorCode[];
  format: OfferFormat;
  deliveryMode: DeliveryMode;
  studyLoadHours: number;
  /** Per participant, in euro cents. */
  priceCents: number;
  /** What the price covers (materials, catering, certificate...), Dutch. */
  priceCovers: string;
  /** Empty when national. */
  regionIds: string[];
  national: boolean;
  language: OfferLanguage;
  learningOutcomes: string[];
  pathStepCodes: string[];
  teamProgramme: boolean;
  minGroupSize: number;
  maxGroupSize: number;
}

export interface ContentProblem {
  field: string;
  message: string;
}

/**
 * Rules across fields that a DTO cannot say; they hold for every draft, so a draft is always consistent.
 * (What an offer needs before it may be submitted is in publication-rules.ts.)
 */
export function contentProblems(content: OfferContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.minGroupSize > content.maxGroupSize) {
    problems.push({ field: 'maxGroupSize', message: 'moet minstens zo groot zijn als de minimale groepsgrootte' });
  }
  if (content.national && content.regionIds.length > 0) {
    problems.push({ field: 'regionIds', message: 'moet leeg zijn bij landelijk aanbod' });
  }
  if (!content.national && content.regionIds.length === 0) {
    problems.push({ field: 'regionIds', message: 'noem minstens één onderwijsregio, of kies landelijk aanbod' });
  }
  if (content.teamProgramme && content.minGroupSize < 2) {
    problems.push({ field: 'minGroupSize', message: 'een teamprogramma is voor minstens twee deelnemers' });
  }
  if (content.format === 'team-programme' && !content.teamProgramme) {
    problems.push({ field: 'teamProgramme', message: 'moet waar zijn bij de vorm teamprogramma' });
  }
  return problems;
}
