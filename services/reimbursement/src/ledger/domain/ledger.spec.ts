import { afterNoLongerCounting, isEditable, nextStatus } from '../../statements/domain/statement';
import { claimStatusFromLines, isValidAmendmentNote } from '../../claims/domain/claim';
import { balanceOf, fitsBudget } from './ledger';

describe('the ledger', () => {
  it('derives the balance: commitments, payments and claw-backs as separate facts', () => {
    const balance = balanceOf(1_000_000, [
      { kind: 'commitment', amountCents: 300_000 },
      { kind: 'commitment', amountCents: 200_000 },
      { kind: 'payment', amountCents: 300_000 },
      { kind: 'claw-back', amountCents: 50_000 },
      { kind: 'commitment-release', amountCents: 200_000 },
    ]);
    expect(balance).toEqual({ allocatedCents: 1_000_000, committedCents: 0, paidCents: 300_000, clawedBackCents: 50_000, availableCents: 750_000 });
  });

  it('lets a commitment in only when it fits the budget left', () => {
    const balance = balanceOf(100_000, [{ kind: 'commitment', amountCents: 60_000 }]);
    expect(fitsBudget(balance, 40_000)).toBe(true);
    expect(fitsBudget(balance, 40_001)).toBe(false);
  });
});

describe('statements and claims', () => {
  it('edits a statement only while open; payable after the deadline, then paid', () => {
    expect(isEditable('open')).toBe(true);
    expect(isEditable('payable')).toBe(false);
    expect(isEditable('paid')).toBe(false);
    expect(nextStatus('open', '2027-01-31', '2027-01-31')).toBeNull();
    expect(nextStatus('open', '2027-02-01', '2027-01-31')).toBe('payable');
    expect(nextStatus('payable', '2027-02-01', '2027-01-31')).toBe('paid');
    expect(nextStatus('paid', '2027-02-01', '2027-01-31')).toBeNull();
  });

  it('claws back only what was paid', () => {
    expect(afterNoLongerCounting('paid')).toBe('awaiting-claw-back');
    expect(afterNoLongerCounting('unpaid')).toBe('unpaid');
  });

  it('sums up a claim\'s decision from its lines, and asks a note for an amendment', () => {
    expect(claimStatusFromLines(['approved', 'approved'])).toBe('approved');
    expect(claimStatusFromLines(['approved', 'rejected'])).toBe('partly-approved');
    expect(claimStatusFromLines(['rejected'])).toBe('rejected');
    expect(isValidAmendmentNote(undefined)).toBe(false);
    expect(isValidAmendmentNote('  kort ')).toBe(false);
    expect(isValidAmendmentNote('Regel 3 alsnog goedgekeurd na nieuw bewijs.')).toBe(true);
  });
});
