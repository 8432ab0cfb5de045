import { isReasonCode, periodLabel, REASON_CHOICES, reasonLabel } from './region-labels';

describe('region labels', () => {
  it('names every reason code in Dutch, as the filter choices', () => {
    expect(REASON_CHOICES).toHaveLength(9);
    expect(reasonLabel('ELIGIBLE')).toBe('Komt in aanmerking');
    expect(reasonLabel('PARTICIPATION_NOT_ENOUGH')).toBe('Deelname telt (nog) niet');
  });

  it('keeps an unknown code as it is, and accepts only known codes as a filter', () => {
    expect(reasonLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(reasonLabel(undefined)).toBe('Onbekende reden');
    expect(isReasonCode('ELIGIBLE')).toBe(true);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode('eligible')).toBe(false);
  });

  it('says a quarter the way people do', () => {
    expect(periodLabel('2027-Q1')).toBe('1e kwartaal 2027');
    expect(periodLabel('2026-Q4')).toBe('4e kwartaal 2026');
    expect(periodLabel('onbekend')).toBe('onbekend');
  });
});
