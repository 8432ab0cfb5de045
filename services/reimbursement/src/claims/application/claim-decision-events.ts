import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { EntityManager } from 'typeorm';
import { ReimbursementEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import type { ClaimStatus } from '../domain/claim';

export interface DecisionFigures {
  readonly claimId: string;
  readonly regionId: string;
  readonly approvedLines: number;
  readonly rejectedLines: number;
  readonly approvedCents: number;
  readonly rejectedCents: number;
  readonly released: { year: number; amountCents: number }[];
  readonly amendment: boolean;
  readonly decidedAt: Date;
}

/** ClaimApproved, ClaimPartlyApproved or ClaimRejected, by the claim's status after the decision (or amendment). */
export async function publishDecision(manager: EntityManager, status: Exclude<ClaimStatus, 'draft' | 'submitted'>, figures: DecisionFigures): Promise<void> {
  const decision = {
    claimId: figures.claimId,
    regionId: figures.regionId,
    approvedLines: figures.approvedLines,
    rejectedLines: figures.rejectedLines,
    approvedCents: BigInt(figures.approvedCents),
    rejectedCents: BigInt(figures.rejectedCents),
    released: figures.released.map(({ year, amountCents }) => ({ year, amountCents: BigInt(amountCents) })),
    amendment: figures.amendment,
    decidedAt: timestampFromDate(figures.decidedAt),
  };
  const contract = { approved: ReimbursementEvents.ClaimApproved, 'partly-approved': ReimbursementEvents.ClaimPartlyApproved, rejected: ReimbursementEvents.ClaimRejected }[status];
  await publishInTransaction(manager, contract, figures.claimId, { decision });
}
