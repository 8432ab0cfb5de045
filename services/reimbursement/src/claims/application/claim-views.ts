import type { EntityManager } from 'typeorm';
import { ClaimEntity } from '../infrastructure/claim.entity';
import { linesOf, type LineRow } from './claim-store';

export interface ClaimLineView {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly amountCents: number;
  readonly budgetYear: number;
  readonly ruleVersion: number;
  readonly state: string;
  readonly decisionReason: string | null;
  readonly paymentState: string;
}

export interface ClaimView {
  readonly claimId: string;
  readonly regionId: string;
  readonly status: string;
  readonly reference: string;
  readonly lineCount: number;
  readonly totalCents: number;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly lines?: ClaimLineView[];
}

export function claimViewOf(claim: ClaimEntity, lines?: readonly LineRow[]): ClaimView {
  return {
    claimId: claim.claimId,
    regionId: claim.regionId,
    status: claim.status,
    reference: claim.reference,
    lineCount: claim.lineCount,
    totalCents: claim.totalCents,
    createdAt: claim.createdAt.toISOString(),
    submittedAt: claim.submittedAt?.toISOString() ?? null,
    decidedAt: claim.decidedAt?.toISOString() ?? null,
    decisionNote: claim.decisionNote,
    ...(lines
      ? {
          lines: lines.map((line) => ({
            lineNo: line.lineNo,
            enrolmentId: line.enrolmentId,
            amountCents: line.amountCents,
            budgetYear: line.budgetYear,
            ruleVersion: line.ruleVersion,
            state: line.state,
            decisionReason: line.decisionReason,
            paymentState: line.paymentState,
          })),
        }
      : {}),
  };
}

/** The claim as stored now, with its lines. */
export async function claimWithLines(manager: EntityManager, claimId: string): Promise<ClaimView> {
  const claim = await manager.findOneByOrFail(ClaimEntity, { claimId });
  return claimViewOf(claim, await linesOf(manager, claimId));
}
