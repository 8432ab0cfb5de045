/** The quality service's answers the assessor and ministry pages read (only the fields the pages use). */

export type Outcome = 'approved' | 'approved-with-conditions' | 'rejected';
export type AssessmentStatus = 'open' | 'awaiting-confirmation' | Outcome;

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  open: 'Open',
  'awaiting-confirmation': 'Wacht op bevestiging',
  approved: 'Goedgekeurd',
  'approved-with-conditions': 'Goedgekeurd onder voorwaarden',
  rejected: 'Afgewezen',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  approved: 'Goedkeuren',
  'approved-with-conditions': 'Goedkeuren onder voorwaarden',
  rejected: 'Afwijzen',
};

export const KIND_LABELS: Record<Assessment['kind'], string> = {
  submission: 'Eerste beoordeling',
  reassessment: 'Herbeoordeling',
};

export interface Proposal {
  readonly outcome: Outcome;
  readonly summary: string;
  readonly conditions: readonly string[];
  readonly conditionsDeadline: string | null;
  readonly proposedAt: string;
  readonly proposedBy?: string;
}

export interface Assessment {
  readonly id: string;
  readonly offerId: string;
  readonly offerVersion: number;
  readonly providerId: string;
  readonly offerTitle: string;
  readonly kind: 'submission' | 'reassessment';
  readonly frameworkVersion: number;
  readonly status: AssessmentStatus;
  readonly openedAt: string;
  readonly proposal: Proposal | null;
  readonly outcome: Outcome | null;
  readonly summary: string | null;
  readonly conditions: readonly string[];
  readonly conditionsDeadline: string | null;
  readonly decidedAt: string | null;
  readonly markId: string | null;
}

export interface AssessmentPage {
  readonly items: readonly Assessment[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

export interface Criterion {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly evidence: string;
  readonly required: boolean;
}

export interface CriterionScore {
  readonly criterionCode: string;
  readonly met: boolean;
  readonly score: number | null;
  readonly justification: string;
  readonly scoredAt: string;
}

export interface AssessmentDetail {
  readonly assessment: Assessment;
  readonly criteria: readonly Criterion[];
  readonly scores: readonly CriterionScore[];
}

export interface Framework {
  readonly version: number;
  readonly publishedAt: string;
  readonly notes: string;
  readonly criteria: readonly Criterion[];
}

/** The few facts of a provider the pages show (catalogue). */
export interface Provider {
  readonly providerId: string;
  readonly name: string;
}

/** An offer version as the catalogue shows it, when the caller may see it. */
export interface OfferVersion {
  readonly version: number;
  readonly title: string;
  readonly summary?: string;
  readonly description?: string;
  readonly sectors?: readonly string[];
  readonly format?: string;
  readonly studyLoadHours?: number;
  readonly priceCents?: number;
  readonly learningOutcomes?: readonly string[];
  readonly pathStepCodes?: readonly string[];
}

/** One entry of the quality service's history: every score, decision and change, with who, when and why. */
export interface HistoryEntry {
  readonly id: string;
  readonly action: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly details: Record<string, unknown> | null;
  readonly recordedAt: string;
}

export const ACTION_LABELS: Record<string, string> = {
  'assessment-opened': 'Beoordeling geopend',
  'criterion-scored': 'Criterium gescoord',
  'decision-proposed': 'Beslissing voorgesteld',
  'decision-returned': 'Beslissing teruggestuurd',
  'decision-taken': 'Beslissing genomen',
};

/** The conditions of a mark issued with conditions, and whether an assessor recorded them as met. */
export interface MarkConditions {
  readonly markId: string;
  readonly conditions: readonly string[];
  readonly conditionsDeadline: string | null;
  readonly conditionsFulfilledAt: string | null;
  readonly endReason: string | null;
}
