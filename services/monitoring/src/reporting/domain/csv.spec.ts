import { csvField, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('Utrecht, stad')).toBe('"Utrecht, stad"');
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-12)).toBe('-12');
    expect(csvField(null)).toBe('');
  });

  it('writes the as-of date and the rules version on every line', () => {
    const text = toCsv({ asOf: '2030-01-15', rulesVersion: 'monitoring-rules-1', table: 'participants' }, [
      { section: 'sector', key: 'po', measure: 'teachers', value: 12, suppressed: null },
      { section: 'sector', key: 'vo', measure: 'teachers', value: null, suppressed: 'small' },
    ]);
    expect(text.split('\r\n')).toEqual([
      'as_of,rules_version,table,section,key,measure,value,suppressed',
      '2030-01-15,monitoring-rules-1,participants,sector,po,teachers,12,',
      '2030-01-15,monitoring-rules-1,participants,sector,vo,teachers,,small',
      '',
    ]);
  });
});
