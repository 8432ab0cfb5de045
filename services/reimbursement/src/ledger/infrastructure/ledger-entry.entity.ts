import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * The append-only ledger (domain/ledger.ts). Database triggers refuse UPDATE, DELETE and TRUNCATE, and refuse any
 * insert that would leave a region's balance for a year below zero.
 */
@Entity({ name: 'ledger_entry' })
@Index(['regionId', 'budgetYear'])
@Index(['claimId', 'lineNo'])
@Check('ledger_entry_amount_positive', `amount_cents > 0`)
@Check('ledger_entry_kind', `kind IN ('commitment', 'commitment-release', 'payment', 'claw-back')`)
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ name: 'entry_id', type: 'bigint' })
  entryId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ name: 'budget_year', type: 'integer' })
  budgetYear: number;

  /** One of ENTRY_KINDS. */
  @Column({ type: 'text' })
  kind: string;

  /** Always positive; the kind says which way it goes. */
  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ name: 'line_no', type: 'integer', nullable: true })
  lineNo: number | null;

  @Column({ name: 'statement_id', type: 'uuid', nullable: true })
  statementId: string | null;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
