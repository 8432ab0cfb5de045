import { assertAllocationAllowed, isAvailable, trancheOfYear, type AllocationFacts, type Tranche } from './budget';

const FIRST: Tranche = { code: '2025-2028', firstYear: 2025, lastYear: 2028, amountCents: 7_310_000_000, conditional: false, releasedAt: null };
const SECOND: Tranche = { code: '2029-2034', firstYear: 2029, lastYear: 2034, amountCents: 8_650_000_000, conditional: true, releasedAt: null };

describe('budget allocation rules', () => {
  it('finds the tranche covering a year, at both ends', () => {
    expect(trancheOfYear([FIRST, SECOND], 2025)).toBe(FIRST);
    expect(trancheOfYear([FIRST, SECOND], 2028)).toBe(FIRST);
    expect(trancheOfYear([FIRST, SECOND], 2029)).toBe(SECOND);
    expect(trancheOfYear([FIRST, SECOND], 2035)).toBeNull();
  });

  it('makes a conditional tranche available only once released', () => {
    expect(isAvailable(FIRST)).toBe(true);
    expect(isAvailable(SECOND)).toBe(false);
    expect(isAvailable({ ...SECOND, releasedAt: new Date() })).toBe(true);
  });

  const facts: AllocationFacts = { year: 2026, tranche: FIRST, allocatedElsewhereCents: 7_000_000_000, usedCents: 0 };

  it('allows what fits in the tranche, up to the last cent', () => {
    expect(assertAllocationAllowed(310_000_000, facts)).toBe(FIRST);
  });

  it('refuses a year without a tranche, an unreleased tranche, more than is left, and less than is used', () => {
    const codeOf = (amount: number, overrides: Partial<AllocationFacts>) => {
      try {
        assertAllocationAllowed(amount, { ...facts, ...overrides });
        return 'allowed';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf(1, { year: 2040, tranche: null })).toBe('YEAR_OUTSIDE_TRANCHES');
    expect(codeOf(1, { year: 2030, tranche: SECOND, allocatedElsewhereCents: 0 })).toBe('TRANCHE_NOT_RELEASED');
    expect(codeOf(310_000_001, {})).toBe('TRANCHE_EXCEEDED');
    expect(codeOf(49_999, { usedCents: 50_000 })).toBe('BELOW_USED_BUDGET');
    expect(codeOf(50_000, { usedCents: 50_000 })).toBe('allowed');
  });
});
