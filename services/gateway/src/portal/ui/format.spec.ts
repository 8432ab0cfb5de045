import { formatDate, formatEuro, formatNumber, parseEuroToCents } from './format';

describe('portal formatting', () => {
  it('writes numbers and money the Dutch way', () => {
    expect(formatNumber(60000)).toBe('60.000');
    expect(formatEuro(123456).replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatEuro(undefined)).toBe('–');
  });

  it('writes a calendar date as that day, whatever the time zone', () => {
    expect(formatDate('2027-02-03')).toBe('3 februari 2027');
    expect(formatDate('2027-01-01T00:30:00+01:00')).toBe('1 januari 2027');
  });

  it('reads euros as people type them, in cents', () => {
    expect(parseEuroToCents('1.234,56')).toBe(123456);
    expect(parseEuroToCents('1234.5')).toBe(123450);
    expect(parseEuroToCents('€ 250')).toBe(25000);
    expect(parseEuroToCents('1.000')).toBe(100000);
    expect(parseEuroToCents('12,345')).toBeUndefined();
    expect(parseEuroToCents('-5')).toBeUndefined();
    expect(parseEuroToCents('abc')).toBeUndefined();
  });
});
