import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * Money booked against a region's budget year by a claim or a statement: committed (claim submitted), released (a
 * decision gave it back), paid, clawed back. Keyed by the claim or statement, the kind, the year and the moment, so a
 * redelivered or replayed event books nothing twice; an amendment is a new moment.
 */
@Entity({ name: 'money_movement_fact' })
@Index(['regionId', 'year'])
export class MoneyMovementFactEntity {
  /** The claim or statement id. */
  @PrimaryColumn({ name: 'source_id', type: 'text' })
  sourceId: string;

  /** committed, released, paid or clawed-back. */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;
}
