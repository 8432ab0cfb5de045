import { amsterdamDate, todayInAmsterdam } from './amsterdam-date';

describe('amsterdamDate', () => {
  it('takes the day in Amsterdam, not in UTC, in winter time (UTC+1)', () => {
    expect(amsterdamDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(amsterdamDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(amsterdamDate(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
  });

  it('takes the day in Amsterdam in summer time (UTC+2)', () => {
    expect(amsterdamDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(amsterdamDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('follows the switches to and from summer time', () => {
    // Summer time starts on the last Sunday of March, 01:00 UTC; it ends on the last Sunday of October.
    expect(amsterdamDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(amsterdamDate(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(amsterdamDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(amsterdamDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(amsterdamDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('writes a leap day and zero-pads month and day', () => {
    expect(amsterdamDate(new Date('2028-02-29T12:00:00Z'))).toBe('2028-02-29');
    expect(amsterdamDate(new Date('2027-03-05T08:00:00Z'))).toBe('2027-03-05');
  });
});

describe('todayInAmsterdam', () => {
  it('is the Amsterdam date of the given moment', () => {
    expect(todayInAmsterdam(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('defaults to now', () => {
    const before = amsterdamDate(new Date());
    const today = todayInAmsterdam();
    const after = amsterdamDate(new Date());
    expect([before, after]).toContain(today);
  });
});
