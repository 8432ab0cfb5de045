import { dayAfter, schoolYearOf, schoolYearsBetween } from './school-year';

describe('school years (1 August to 31 July)', () => {
  it('puts 31 July in the year that ends and 1 August in the next', () => {
    expect(schoolYearOf('2027-07-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-08-01')).toBe('2027-2028');
    expect(schoolYearOf('2028-01-01')).toBe('2027-2028');
  });

  it('lists the school years between two, both included', () => {
    expect(schoolYearsBetween('2024-2025', '2026-2027')).toEqual(['2024-2025', '2025-2026', '2026-2027']);
  });

  it('finds the next day across a month and a leap day', () => {
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-12-31')).toBe('2028-01-01');
  });
});
