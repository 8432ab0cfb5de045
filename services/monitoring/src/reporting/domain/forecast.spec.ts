import { forecastTarget, FORECAST_METHOD } from './forecast';
import { addDays } from './school-year';

const asOf = '2030-01-15';

/** `perPeriod` participants in each of the twelve periods before the as-of date. */
function steady(perPeriod: number) {
  return Array.from({ length: 12 }, (_, period) => ({ date: addDays(asOf, -Math.floor(period * (365 / 12)) - 1), count: perPeriod }));
}

describe('forecast of the 60,000 target', () => {
  it('extends a steady pace in a straight line, with a band of zero width', () => {
    const forecast = forecastTarget({ asOf, cumulative: 30_000, recent: steady(1_000), target: 60_000, targetDate: '2034-07-31' });
    expect(forecast).toMatchObject({ remaining: 30_000, pacePerMonth: 1_000, paceBand: { low: 1_000, high: 1_000 }, method: FORECAST_METHOD });
    // 30 months of 365/12 days: 912.5 days, rounded up.
    expect(forecast.expectedDate).toBe(addDays(asOf, 913));
    expect(forecast.expectedDateBand).toEqual({ earliest: forecast.expectedDate, latest: forecast.expectedDate });
    expect(forecast.status).toBe('on-track');
    // 1,658 days left: about 54.5 months for 30,000.
    expect(forecast.requiredPacePerMonth).toBeCloseTo(30_000 / (1_658 / (365 / 12)), 0);
  });

  it('widens the band with an uneven pace: the fast end earlier, the slow end later', () => {
    const recent = steady(0).map((period, index) => ({ ...period, count: index % 2 === 0 ? 200 : 1_800 }));
    const forecast = forecastTarget({ asOf, cumulative: 30_000, recent, target: 60_000, targetDate: '2034-07-31' });
    expect(forecast.pacePerMonth).toBe(1_000);
    expect(forecast.paceBand.low).toBeLessThan(1_000);
    expect(forecast.paceBand.high).toBeGreaterThan(1_000);
    expect(forecast.expectedDateBand.earliest! < forecast.expectedDate!).toBe(true);
    expect(forecast.expectedDateBand.latest! > forecast.expectedDate!).toBe(true);
  });

  it('says behind, with no date, when nobody started in the last twelve months; dates outside the window do not count', () => {
    const forecast = forecastTarget({ asOf, cumulative: 100, recent: [{ date: addDays(asOf, -400), count: 100 }, { date: addDays(asOf, 1), count: 5 }], target: 60_000, targetDate: '2034-07-31' });
    expect(forecast).toMatchObject({ pacePerMonth: 0, expectedDate: null, status: 'behind', expectedDateBand: { earliest: null, latest: null } });
  });

  it('says behind, with no date, when the pace would take more than a century', () => {
    const forecast = forecastTarget({ asOf, cumulative: 16, recent: [{ date: addDays(asOf, -5), count: 5 }], target: 60_000, targetDate: '2034-07-31' });
    expect(forecast).toMatchObject({ pacePerMonth: 0.4, expectedDate: null, status: 'behind' });
  });

  it('says reached once the cumulative count meets the target', () => {
    const forecast = forecastTarget({ asOf, cumulative: 60_001, recent: steady(10), target: 60_000, targetDate: '2034-07-31' });
    expect(forecast).toMatchObject({ status: 'reached', remaining: 0, requiredPacePerMonth: 0, expectedDate: asOf });
  });

  it('has no required pace after the target date', () => {
    const forecast = forecastTarget({ asOf: '2035-01-01', cumulative: 10, recent: [], target: 60_000, targetDate: '2034-07-31' });
    expect(forecast.requiredPacePerMonth).toBeNull();
  });
});
