import { validUntil } from './mark-validity';

describe('validUntil', () => {
  it('adds calendar months, keeping the time of day', () => {
    expect(validUntil(new Date('2026-03-15T10:00:00Z'), 36).toISOString()).toBe('2029-03-15T10:00:00.000Z');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(validUntil(new Date('2026-08-31T09:00:00Z'), 6).toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(validUntil(new Date('2027-08-31T09:00:00Z'), 6).toISOString()).toBe('2028-02-29T09:00:00.000Z');
  });
});
