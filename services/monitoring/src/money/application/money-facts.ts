import { EligibilityReason, type ClaimDecision, type YearAmount } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { BudgetAllocationFactEntity } from '../infrastructure/budget-allocation-fact.entity';
import { EligibilityFactEntity } from '../infrastructure/eligibility-fact.entity';
import { MoneyMovementFactEntity } from '../infrastructure/money-movement-fact.entity';

export type MoneyKind = 'committed' | 'released' | 'paid' | 'clawed-back';

interface Allocation {
  readonly regionId: string;
  readonly year: number;
  readonly amountCents: bigint;
  readonly trancheCode: string;
  readonly allocatedAt: Date;
}

/** Each allocation once; the latest before a date is the region's budget for the year on that date. */
const ALLOCATIONS: FactTable<Allocation> = {
  entity: BudgetAllocationFactEntity,
  columns: [
    column('region_id', 'text', (a) => a.regionId),
    column('year', 'integer', (a) => a.year),
    column('allocated_at', 'timestamptz', (a) => a.allocatedAt),
    column('amount_cents', 'bigint', (a) => a.amountCents.toString()),
    column('tranche_code', 'text', (a) => a.trancheCode),
  ],
  key: (a) => `${a.regionId}|${a.year}|${a.allocatedAt.toISOString()}`,
  onConflict: 'ON CONFLICT DO NOTHING',
};

export async function recordAllocation(allocation: Allocation, context: HandlerContext): Promise<void> {
  await writeFacts(context, ALLOCATIONS, [allocation]);
}

interface Movement {
  readonly sourceId: string;
  readonly kind: MoneyKind;
  readonly year: number;
  readonly at: Date;
  readonly regionId: string;
  readonly amountCents: bigint;
}

/** An amount of one claim or statement event for one budget year, booked once (see MoneyMovementFactEntity). */
const MOVEMENTS: FactTable<Movement> = {
  entity: MoneyMovementFactEntity,
  columns: [
    column('source_id', 'text', (m) => m.sourceId),
    column('kind', 'text', (m) => m.kind),
    column('year', 'integer', (m) => m.year),
    column('at', 'timestamptz', (m) => m.at),
    column('region_id', 'text', (m) => m.regionId),
    column('amount_cents', 'bigint', (m) => m.amountCents.toString()),
  ],
  key: (m) => `${m.sourceId}|${m.kind}|${m.year}|${m.at.toISOString()}`,
  onConflict: 'ON CONFLICT DO NOTHING',
};

/** The amounts per budget year of one claim or statement event, each booked once (see MoneyMovementFactEntity). */
export async function recordMovements(
  movement: { sourceId: string; regionId: string; kind: MoneyKind; at: Date; amounts: readonly YearAmount[] },
  context: HandlerContext,
): Promise<void> {
  // One row per year: an event naming a year twice books the sum, not only the first line.
  const perYear = new Map<number, bigint>();
  for (const { year, amountCents } of movement.amounts) perYear.set(year, (perYear.get(year) ?? 0n) + amountCents);
  const rows = [...perYear]
    .filter(([, amountCents]) => amountCents !== 0n)
    .map(([year, amountCents]): Movement => ({ sourceId: movement.sourceId, kind: movement.kind, year, at: movement.at, regionId: movement.regionId, amountCents }));
  await writeFacts(context, MOVEMENTS, rows);
}

/** A decision (or amendment) on a claim: what it releases goes back to the budget; the rest stays committed. */
export async function recordClaimDecision(decision: ClaimDecision, at: Date, context: HandlerContext): Promise<void> {
  await recordMovements({ sourceId: decision.claimId, regionId: decision.regionId, kind: 'released', at, amounts: decision.released }, context);
}

interface Eligibility {
  readonly enrolmentId: string;
  readonly regionId: string;
  readonly eligible: boolean;
  readonly reason: EligibilityReason;
  readonly amountCents: bigint;
  readonly decidedAt: Date;
}

/** The stored code of a reason: the contract's name in kebab case (`no-rule-in-force`), `unspecified` for 0 or unknown. */
export function eligibilityReasonCode(reason: EligibilityReason): string {
  const name = EligibilityReason[reason] as string | undefined;
  return name ? name.toLowerCase().replace(/_/g, '-') : 'unspecified';
}

/** Each eligibility decision on an enrolment, once; the latest before a date is the enrolment's outcome then. */
const ELIGIBILITY: FactTable<Eligibility> = {
  entity: EligibilityFactEntity,
  columns: [
    column('enrolment_id', 'text', (e) => e.enrolmentId),
    column('decided_at', 'timestamptz', (e) => e.decidedAt),
    column('region_id', 'text', (e) => e.regionId),
    column('eligible', 'boolean', (e) => e.eligible),
    column('reason', 'text', (e) => eligibilityReasonCode(e.reason)),
    column('amount_cents', 'bigint', (e) => e.amountCents.toString()),
  ],
  key: (e) => `${e.enrolmentId}|${e.decidedAt.toISOString()}`,
  onConflict: 'ON CONFLICT DO NOTHING',
};

export async function recordEligibility(decision: Eligibility, context: HandlerContext): Promise<void> {
  await writeFacts(context, ELIGIBILITY, [decision]);
}
