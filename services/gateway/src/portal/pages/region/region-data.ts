import type { Principal } from '@napl/auth';
import { PortalApiError, type PortalApi } from '../../application/portal-api';

/** What the reimbursement service answers about an education region (only the fields these pages show). */

export type ReasonCode =
  | 'ELIGIBLE'
  | 'NO_RULE_IN_FORCE'
  | 'OFFER_NOT_APPROVED'
  | 'SCHOOL_OUTSIDE_REGION'
  | 'ALREADY_REIMBURSED'
  | 'PARTICIPATION_NOT_ENOUGH'
  | 'CAP_REACHED'
  | 'BUDGET_EXHAUSTED'
  | 'NEEDS_REVIEW';

export interface Region {
  readonly regionId: string;
  readonly name: string;
}

export interface YearBudget {
  readonly year: number;
  readonly trancheCode: string | null;
  readonly allocatedCents: number;
  readonly committedCents: number;
  readonly paidCents: number;
  readonly clawedBackCents: number;
  readonly availableCents: number;
}

export interface Outcome {
  readonly enrolmentId: string;
  readonly schoolId: string | null;
  readonly offerId: string;
  readonly enrolledOn: string | null;
  readonly budgetYear: number | null;
  readonly reason: ReasonCode;
  readonly reasonText: string;
  readonly eligible: boolean;
  readonly amountCents: number;
}

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'partly-approved' | 'rejected';

export interface ClaimLine {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly amountCents: number;
  readonly budgetYear: number;
  readonly state: 'draft' | 'submitted' | 'approved' | 'rejected';
  readonly decisionReason: string | null;
  readonly paymentState: 'unpaid' | 'paid' | 'awaiting-claw-back' | 'clawed-back';
}

export interface Claim {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly reference: string;
  readonly lineCount: number;
  readonly totalCents: number;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly lines?: readonly ClaimLine[];
}

export type StatementStatus = 'open' | 'payable' | 'paid';

export interface StatementItem {
  readonly itemId: string;
  readonly kind: 'payment' | 'claw-back';
  readonly claimId: string;
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly budgetYear: number;
  readonly amountCents: number;
  readonly addedAt: string;
}

export interface Statement {
  readonly statementId: string;
  readonly period: string;
  readonly deadline: string;
  readonly status: StatementStatus;
  readonly payableAt: string | null;
  readonly paidAt: string | null;
  readonly paymentReference: string | null;
  readonly itemCount: number;
  readonly paymentsCents: number;
  readonly clawBacksCents: number;
  readonly netCents: number;
  readonly items?: readonly StatementItem[];
}

export type { CursorPage as Page } from '../../application/portal-api';

/** A line the service refused (422 LINES_REFUSED, 409 LINE_ALREADY_CLAIMED, 422 LINES_NOT_IN_REGION). */
export interface RefusedLine {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly reason?: string;
  readonly message?: string;
}

/** The region the signed-in account works for; an account with the role but without a region sees a 403 page. */
export function regionIdOf(principal: Principal): string {
  if (principal.regionId) return principal.regionId;
  throw new PortalApiError(403, { status: 403, detail: 'Uw account hoort niet bij een onderwijsregio.' });
}

export { isUuid, requireUuid } from '../../http/path-ids';

/** The titles of the offers, by id (an offer the catalogue no longer shows keeps no title). */
export async function offerTitles(api: PortalApi, principal: Principal, offerIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(offerIds)];
  const offers = await Promise.all(
    unique.map((offerId) => api.find<{ content?: { title?: string } }>(principal, 'catalogue', `/v1/offers/${offerId}`).catch(() => undefined)),
  );
  return new Map(unique.flatMap((offerId, index) => (offers[index]?.content?.title ? [[offerId, offers[index].content.title]] : [])));
}

