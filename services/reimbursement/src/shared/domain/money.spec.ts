import { euros, percentageOf } from './money';
import { calendarYearOf, schoolYearOf } from './school-year';

describe('money in cents', () => {
  it('takes a percentage in basis points, rounded down to the cent', () => {
    expect(percentageOf(45_000, 5_000)).toBe(22_500);
    expect(percentageOf(33_333, 6_250)).toBe(20_833); // 20,833.125 → never a fraction more
    expect(percentageOf(1, 9_999)).toBe(0);
    expect(percentageOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what is not money or not a percentage', () => {
    expect(() => percentageOf(-1, 100)).toThrow(RangeError);
    expect(() => percentageOf(1.5, 100)).toThrow(RangeError);
    expect(() => percentageOf(100, 10_001)).toThrow(RangeError);
    expect(() => percentageOf(100, 12.5)).toThrow(RangeError);
  });

  it('writes euros the Dutch way', () => {
    expect(euros(123_456)).toBe('€ 1.234,56');
    expect(euros(5)).toBe('€ 0,05');
    expect(euros(-100)).toBe('-€ 1,00');
  });
});

describe('school and calendar years', () => {
  it('starts the school year on 1 August', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
    expect(calendarYearOf('2027-01-15')).toBe(2027);
  });
});
