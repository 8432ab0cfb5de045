import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * Each BudgetAllocated: a region's new total for a budget year. Every allocation is kept (keyed by its moment), so
 * the budget on a date is the latest allocation before it, and a late older event never overwrites a newer one.
 */
@Entity({ name: 'budget_allocation_fact' })
export class BudgetAllocationFactEntity {
  @PrimaryColumn({ name: 'region_id', type: 'text' })
  regionId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ name: 'allocated_at', type: 'timestamptz' })
  allocatedAt: Date;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'tranche_code', type: 'text' })
  trancheCode: string;
}
