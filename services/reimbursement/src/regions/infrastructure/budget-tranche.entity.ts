import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * A tranche of the national budget (EUR 159.6 million over ten years): 73.1 million for the first four years, 86.5
 * million conditional on the interim evaluation. Allocations to regions for the tranche's years never sum above its
 * amount, and nothing is allocated from a conditional tranche before the ministry releases it.
 */
@Entity({ name: 'budget_tranche' })
export class BudgetTrancheEntity {
  /** The years it covers, e.g. `2025-2028`. */
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'first_year', type: 'integer' })
  firstYear: number;

  @Column({ name: 'last_year', type: 'integer' })
  lastYear: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ type: 'boolean' })
  conditional: boolean;

  /** When a conditional tranche was released after the interim evaluation; unconditional tranches are available. */
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'release_note', type: 'text', nullable: true })
  releaseNote: string | null;
}
