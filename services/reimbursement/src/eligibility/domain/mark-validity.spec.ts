import { heldValidMarkOn } from './mark-validity';

describe('a valid quality mark on the enrolment date', () => {
  const mark = { grantedAt: new Date('2026-09-01T12:00:00Z'), validUntil: new Date('2027-08-31T22:00:00Z'), endedAt: null };

  it('counts from the day of the grant until the day its validity ends', () => {
    expect(heldValidMarkOn(mark, '2026-08-31')).toBe(false);
    expect(heldValidMarkOn(mark, '2026-09-01')).toBe(true);
    expect(heldValidMarkOn(mark, '2027-08-31')).toBe(true);
    // 22:00 UTC on 31 August is midnight in Amsterdam: 1 September is the first day without the mark.
    expect(heldValidMarkOn(mark, '2027-09-01')).toBe(false);
  });

  it('stops counting from the day it was revoked or expired early', () => {
    const revoked = { ...mark, endedAt: new Date('2027-01-10T09:00:00Z') };
    expect(heldValidMarkOn(revoked, '2027-01-09')).toBe(true);
    expect(heldValidMarkOn(revoked, '2027-01-10')).toBe(false);
  });

  it('does not count a mark whose grant has not arrived', () => {
    expect(heldValidMarkOn({ ...mark, grantedAt: null }, '2027-01-01')).toBe(false);
  });
});
