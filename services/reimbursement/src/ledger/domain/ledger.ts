import type { Cents } from '../../shared/domain/money';

/**
 * The ledger is append-only: an approved claim line commits money, a paid statement pays it, a claw-back takes paid
 * money back. Balances derive from the entries; nothing is ever updated or deleted (the database refuses it).
 * Claw-backs are entries of their own, never a negative payment, so "paid" and "clawed back" stay separate facts.
 */
export const ENTRY_KINDS = ['commitment', 'commitment-release', 'payment', 'claw-back'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface LedgerEntryFacts {
  readonly kind: EntryKind;
  /** Always positive; the kind says which way it goes. */
  readonly amountCents: Cents;
}

export interface Balance {
  readonly allocatedCents: Cents;
  /** Committed and not yet paid or released. */
  readonly committedCents: Cents;
  readonly paidCents: Cents;
  readonly clawedBackCents: Cents;
  /** What new commitments may still use: allocated − committed − (paid − clawed back). Never below zero. */
  readonly availableCents: Cents;
}

export function balanceOf(allocatedCents: Cents, entries: readonly LedgerEntryFacts[]): Balance {
  let committed = 0;
  let paid = 0;
  let clawedBack = 0;
  for (const entry of entries) {
    if (entry.kind === 'commitment') committed += entry.amountCents;
    else if (entry.kind === 'commitment-release') committed -= entry.amountCents;
    else if (entry.kind === 'payment') {
      // Paying turns a commitment into a payment.
      committed -= entry.amountCents;
      paid += entry.amountCents;
    } else clawedBack += entry.amountCents;
  }
  return {
    allocatedCents: allocatedCents,
    committedCents: committed,
    paidCents: paid,
    clawedBackCents: clawedBack,
    availableCents: allocatedCents - committed - (paid - clawedBack),
  };
}

/** Whether a new commitment fits: the budget is never exceeded. The database applies the same rule under a lock. */
export function fitsBudget(balance: Balance, amountCents: Cents): boolean {
  return amountCents <= balance.availableCents;
}
