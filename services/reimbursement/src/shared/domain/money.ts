/**
 * Money is integer euro cents throughout, as JavaScript numbers (safe up to 2^53 cents, EUR 90 trillion) in the domain
 * and bigint columns in the database. Percentages are basis points (1 % = 100), so a rule of 62.5 % is exact.
 */
export type Cents = number;

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number of cents`);
}

/** `basisPoints` of an amount, rounded down to the cent: the platform never pays a fraction of a cent too much. */
export function percentageOf(amount: Cents, basisPoints: number): Cents {
  assertCents(amount, 'amount');
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) throw new RangeError('basis points must be 0..10000');
  return Number((BigInt(amount) * BigInt(basisPoints)) / 10_000n);
}

/** Euro text for messages, Dutch style: € 1.234,56. */
export function euros(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${(abs % 100).toString().padStart(2, '0')}`;
}
