import type { ClaimDecision, YearAmount } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { BudgetAllocationFactEntity } from '../infrastructure/budget-allocation-fact.entity';
import { EligibilityFactEntity } from '../infrastructure/eligibility-fact.entity';
import { MoneyMovementFactEntity } from '../infrastructure/money-movement-fact.entity';

export type MoneyKind = 'committed' | 'released' | 'paid' | 'clawed-back';

export async function recordAllocation(
  allocation: { regionId: string; year: number; amountCents: bigint; trancheCode: string; allocatedAt: Date },
  { manager }: HandlerContext,
): Promise<void> {
  const table = manager.connection.getMetadata(BudgetAllocationFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (region_id, year, allocated_at, amount_cents, tranche_code) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [allocation.regionId, allocation.year, allocation.allocatedAt, allocation.amountCents.toString(), allocation.trancheCode],
  );
}

/** The amounts per budget year of one claim or statement event, each booked once (see MoneyMovementFactEntity). */
export async function recordMovements(
  movement: { sourceId: string; regionId: string; kind: MoneyKind; at: Date; amounts: readonly YearAmount[] },
  { manager }: HandlerContext,
): Promise<void> {
  const table = manager.connection.getMetadata(MoneyMovementFactEntity).tablePath;
  // One row per year: an event naming a year twice books the sum, not only the first line.
  const perYear = new Map<number, bigint>();
  for (const { year, amountCents } of movement.amounts) perYear.set(year, (perYear.get(year) ?? 0n) + amountCents);
  for (const [year, amountCents] of perYear) {
    if (amountCents === 0n) continue;
    await manager.query(
      `INSERT INTO ${table} (source_id, kind, year, at, region_id, amount_cents) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [movement.sourceId, movement.kind, year, movement.at, movement.regionId, amountCents.toString()],
    );
  }
}

/** A decision (or amendment) on a claim: what it releases goes back to the budget; the rest stays committed. */
export async function recordClaimDecision(decision: ClaimDecision, at: Date, context: HandlerContext): Promise<void> {
  await recordMovements({ sourceId: decision.claimId, regionId: decision.regionId, kind: 'released', at, amounts: decision.released }, context);
}

export async function recordEligibility(
  decision: { enrolmentId: string; regionId: string; eligible: boolean; amountCents: bigint; decidedAt: Date },
  { manager }: HandlerContext,
): Promise<void> {
  const table = manager.connection.getMetadata(EligibilityFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (enrolment_id, decided_at, region_id, eligible, amount_cents) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [decision.enrolmentId, decision.decidedAt, decision.regionId, decision.eligible, decision.amountCents.toString()],
  );
}
