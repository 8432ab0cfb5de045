import { isCalendarDate, isTimestamp } from './iso-date';

describe('isCalendarDate', () => {
  it.each(['2027-01-20', '2028-02-29', '2027-12-31', '0001-01-01'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    ['an impossible day', '2027-02-30'],
    ['a leap day outside a leap year', '2027-02-29'],
    ['month 13', '2027-13-01'],
    ['day 0', '2027-01-00'],
    ['year 0000', '0000-01-01'],
    ['a week date', '2027-W05-3'],
    ['an ordinal date', '2027-035'],
    ['the basic format', '20270120'],
    ['an expanded year', '+002027-01-20'],
    ['a timestamp', '2027-01-20T10:00:00Z'],
    ['a one-digit month', '2027-1-20'],
    ['surrounding space', ' 2027-01-20'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_, text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});

describe('isTimestamp', () => {
  it.each(['2027-01-20T23:59:00+01:00', '2027-01-20T22:59:00Z', '2027-01-20T22:59:00.123Z', '2027-07-01T00:00:00.123456789-05:30'])(
    'accepts %s, and Date reads it',
    (text) => {
      expect(isTimestamp(text)).toBe(true);
      expect(Number.isNaN(new Date(text).getTime())).toBe(false);
    },
  );

  it.each([
    ['no offset (local time of which zone?)', '2027-01-20T10:00:00'],
    ['a date alone', '2027-01-20'],
    ['an impossible day', '2027-02-30T10:00:00Z'],
    ['hour 24', '2027-01-20T24:00:00Z'],
    ['a leap second', '2027-01-20T10:00:60Z'],
    ['no seconds', '2027-01-20T10:00Z'],
    ['a week date', '2027-W05-3T10:00:00Z'],
    ['an ordinal date', '2027-035T10:00:00Z'],
    ['the basic format', '20270120T100000Z'],
    ['an expanded year', '+002027-01-20T10:00:00Z'],
    ['a lower-case t and z', '2027-01-20t10:00:00z'],
    ['a space for the T', '2027-01-20 10:00:00Z'],
    ['an offset without colon', '2027-01-20T10:00:00+0100'],
    ['an offset of 24 hours', '2027-01-20T10:00:00+24:00'],
  ])('refuses %s (%s)', (_, text) => {
    expect(isTimestamp(text)).toBe(false);
  });
});
