import { euroAmount, nextPeriod, periodOf, toCsv, totalsOf } from './statement';

describe('statement periods', () => {
  it('covers a quarter and ends on its last day', () => {
    expect(periodOf('2027-01-01')).toEqual({ period: '2027-Q1', deadline: '2027-03-31' });
    expect(periodOf('2027-06-30')).toEqual({ period: '2027-Q2', deadline: '2027-06-30' });
    expect(periodOf('2027-08-15')).toEqual({ period: '2027-Q3', deadline: '2027-09-30' });
    expect(periodOf('2028-12-31')).toEqual({ period: '2028-Q4', deadline: '2028-12-31' });
  });

  it('goes on to the next quarter, across the year', () => {
    expect(nextPeriod('2027-Q1')).toEqual({ period: '2027-Q2', deadline: '2027-06-30' });
    expect(nextPeriod('2027-Q4')).toEqual({ period: '2028-Q1', deadline: '2028-03-31' });
  });
});

describe('statement amounts and export', () => {
  it('totals payments and claw-backs apart, and their net', () => {
    expect(totalsOf([{ kind: 'payment', amountCents: 1_000 }, { kind: 'payment', amountCents: 500 }, { kind: 'claw-back', amountCents: 300 }])).toEqual({
      paymentsCents: 1_500,
      clawBacksCents: 300,
      netCents: 1_200,
    });
  });

  it('writes euros with a decimal comma and no thousands separator', () => {
    expect(euroAmount(123_456)).toBe('1234,56');
    expect(euroAmount(5)).toBe('0,05');
    expect(euroAmount(-60_000)).toBe('-600,00');
  });

  it('exports one semicolon-separated row per item under a header, claw-backs negative', () => {
    const csv = toCsv([
      { statementId: 's', period: '2027-Q1', regionId: 'utrecht-stad', claimId: 'c', lineNo: 1, enrolmentId: 'e1', budgetYear: 2027, kind: 'payment', amountCents: 60_000 },
      { statementId: 's', period: '2027-Q1', regionId: 'utrecht-stad', claimId: 'c', lineNo: 2, enrolmentId: 'e2', budgetYear: 2027, kind: 'claw-back', amountCents: -12_345 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'overzicht;periode;regio;declaratie;regel;inschrijving;budgetjaar;soort;bedrag_centen;bedrag_euro',
      's;2027-Q1;utrecht-stad;c;1;e1;2027;betaling;60000;600,00',
      's;2027-Q1;utrecht-stad;c;2;e2;2027;terugvordering;-12345;-123,45',
      '',
    ]);
  });

  it('quotes a field with a separator and defuses one a spreadsheet would run', () => {
    const csv = toCsv([{ statementId: 's', period: '2027-Q1', regionId: '=cmd;x', claimId: 'c', lineNo: 1, enrolmentId: 'e', budgetYear: 2027, kind: 'payment', amountCents: 1 }]);
    expect(csv).toContain(`;"'=cmd;x";`);
  });
});
