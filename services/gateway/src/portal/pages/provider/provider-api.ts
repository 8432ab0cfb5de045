import { NotFoundException } from '@nestjs/common';
import type { Principal } from '@napl/auth';
import type { CursorPage, PortalApi } from '../../application/portal-api';
import type { OfferContent } from './offer-form';
import { isUuid } from './provider-labels';
import type { RunPlan } from './run-form';

/** What the provider pages read from the services (only the fields the pages use). */

export interface OfferVersion extends OfferContent {
  readonly version: number;
  readonly status: string;
  readonly rejection: { summary: string; reasons: { criterionCode: string; reason: string }[]; decidedAt: string } | null;
  readonly submittedAt: string | null;
  readonly publishedAt: string | null;
}

export interface Offer {
  readonly offerId: string;
  readonly providerId: string;
  readonly status: string;
  readonly latestVersion: number;
  readonly publishedVersion: number | null;
  readonly suspendedReason: string | null;
  readonly withdrawnReason: string | null;
  readonly markValidUntil: string | null;
  readonly updatedAt: string;
  readonly content: OfferVersion;
}

export interface NumberedPage<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}


export interface Session {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly topic?: string;
}

/** A run as the catalogue shows it: its plan, and what the catalogue adds to it. */
export interface Run extends RunPlan {
  readonly runId: string;
  readonly providerId: string;
  readonly offerId: string;
  readonly placesLeft: number;
  readonly enrolment: string;
  readonly status: string;
  readonly cancelReason: string | null;
}

export interface Enrolment {
  readonly enrolmentId: string;
  readonly teacherId: string;
  readonly runId: string;
  readonly status: string;
  readonly waitingListPosition: number | null;
  readonly schoolId: string;
  readonly notCompletedReasonCode: string | null;
  readonly notCompletedReason: string | null;
}

export interface Assessment {
  readonly id: string;
  readonly offerId: string;
  readonly offerVersion: number;
  readonly offerTitle: string;
  readonly kind: string;
  readonly status: string;
  readonly openedAt: string;
  readonly outcome: string | null;
  readonly summary: string | null;
  readonly conditions: string[];
  readonly conditionsDeadline: string | null;
  readonly decidedAt: string | null;
}

export interface AssessmentDetail {
  readonly assessment: Assessment;
  readonly criteria: { code: string; title: string; description: string; required: boolean }[];
  readonly scores: { criterionCode: string; met: boolean; score: number | null; justification: string; scoredAt: string }[];
}

export interface EvaluationSummary {
  readonly responseCount: number;
  readonly perQuestion: Record<string, number | null>;
  readonly overall: number | null;
  readonly comments: CursorPage<{ text: string; submittedAt: string }>;
  readonly reassessmentRequiredAt: string | null;
}

/** One of the provider's own offers, or the 404 page (a malformed id names no offer either). */
export async function ownOffer(api: PortalApi, principal: Principal, offerId: string): Promise<Offer> {
  const offer = isUuid(offerId) ? await api.find<Offer>(principal, 'catalogue', `/v1/offers/${offerId}`) : undefined;
  // Anyone may read a published offer; these pages are for its own provider only.
  if (!offer || offer.providerId !== principal.providerId) throw new NotFoundException();
  return offer;
}

/** One run of the provider's own offers, or the 404 page. */
export async function ownRun(api: PortalApi, principal: Principal, runId: string): Promise<Run> {
  const run = isUuid(runId) ? await api.find<Run>(principal, 'catalogue', `/v1/runs/${runId}`) : undefined;
  if (!run || run.providerId !== principal.providerId) throw new NotFoundException();
  return run;
}
