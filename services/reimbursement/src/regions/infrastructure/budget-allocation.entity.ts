import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** A region's budget for one calendar year, as the ministry allocated it from the tranche covering that year. */
@Entity({ name: 'budget_allocation' })
export class BudgetAllocationEntity {
  @PrimaryColumn({ name: 'region_id', type: 'text' })
  regionId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'tranche_code', type: 'text' })
  trancheCode: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
