import { renderChartSvg, withoutInlineStyles } from '../../ui/chart';
import { amsterdamMidnight, auditFilterOf } from './audit-log.controller';
import { checkAsOf } from './dashboard.controller';
import { projection, type ForecastFigures } from './dashboard-page';
import { figureText, parseCalendarDate } from './ministry-format';
import { ruleContentOf } from './rule-form';

describe('ministry pages', () => {
  describe('parseCalendarDate', () => {
    it.each([
      ['31-01-2027', '2027-01-31'],
      ['1-2-2027', '2027-02-01'],
      ['2027-01-31', '2027-01-31'],
    ])('reads %s as %s', (typed, date) => expect(parseCalendarDate(typed)).toBe(date));

    it.each(['31-02-2027', '2027-13-01', 'gisteren', '', '31/01/2027'])('refuses %j', (typed) => expect(parseCalendarDate(typed)).toBeUndefined());
  });

  describe('checkAsOf', () => {
    it('takes today when empty, a past date as given, and refuses a date that does not exist or lies ahead', () => {
      expect(checkAsOf('', '2026-11-30')).toEqual({});
      expect(checkAsOf('01-10-2026', '2026-11-30')).toEqual({ asOf: '2026-10-01' });
      expect(checkAsOf('31-02-2026', '2026-11-30')).toEqual({ error: { field: 'peildatum', message: expect.stringMatching(/bestaande datum/) } });
      expect(checkAsOf('01-12-2026', '2026-11-30')).toEqual({ error: { field: 'peildatum', message: 'De peildatum kan niet na vandaag liggen' } });
    });
  });

  it('shows a suppressed figure as such, never as 0', () => {
    expect(figureText(null, 'small')).toBe('Afgeschermd (minder dan 5)');
    expect(figureText(null, 'complement')).toBe('Afgeschermd (af te leiden)');
    expect(figureText(12345, null)).toBe('12.345');
  });

  describe('auditFilterOf', () => {
    it('turns the typed days into the Dutch day boundaries, "to" inclusive', () => {
      expect(auditFilterOf({ actor: 'demo-ministerie-ocw', from: '01-07-2026', to: '02-07-2026' })).toEqual({
        filter: { actor: 'demo-ministerie-ocw', service: undefined, from: '2026-06-30T22:00:00.000Z', to: '2026-07-02T22:00:00.000Z', cursor: undefined, limit: 25 },
      });
      expect(amsterdamMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    });

    it('refuses an unknown service, a date that is not one, and a period backwards; ignores a tampered cursor', () => {
      const checked = auditFilterOf({ service: 'database', from: 'gisteren', to: '01-01-2026' });
      expect('errors' in checked && checked.errors.map((error) => error.field)).toEqual(['service', 'from']);
      const backwards = auditFilterOf({ from: '02-01-2026', to: '01-01-2026' });
      expect('errors' in backwards && backwards.errors.map((error) => error.field)).toEqual(['to']);
      expect(auditFilterOf({ cursor: '<script>' })).toEqual({ filter: expect.objectContaining({ cursor: undefined }) });
    });
  });

  describe('ruleContentOf', () => {
    const valid = {
      values: { validFrom: '01-08-2027', percentage: '50', maxPerOffer: '1.000', maxPerSchoolYear: '1.500,00', participation: 'completed', minimumAttendance: '80', reviewAbove: '', note: 'Waarom' },
      costTypes: ['tuition', 'materials'],
    };

    it('turns the form into the API body: cents, basis points, the participation rule', () => {
      expect(ruleContentOf(valid)).toEqual({
        content: {
          validFrom: '2027-08-01',
          costTypes: ['tuition', 'materials'],
          percentageBasisPoints: 5000,
          maxPerParticipantPerOfferCents: 100_000,
          maxPerParticipantPerSchoolYearCents: 150_000,
          participation: { kind: 'completed', minimumAttendancePercent: 80 },
          reviewAboveCents: null,
          note: 'Waarom',
        },
      });
    });

    it('names every field that is wrong', () => {
      const checked = ruleContentOf({ values: { percentage: '150', maxPerOffer: 'veel', maxPerSchoolYear: '1', participation: 'completed', reviewAbove: 'x' }, costTypes: ['bribes'] });
      expect('errors' in checked && checked.errors.map((error) => error.field)).toEqual(['validFrom', 'costTypes', 'percentage', 'maxPerOffer', 'minimumAttendance', 'reviewAbove']);
    });
  });

  it('draws the forecast forward to each 31 July until the target date, with its band', () => {
    const forecast = { cumulative: 100, pacePerMonth: 10, paceBand: { low: 5, high: 15 }, target: 60_000, targetDate: '2028-07-31' } as ForecastFigures;
    const rows = projection(forecast, '2026-07-31');
    expect(rows.map((row) => row.date)).toEqual(['2027-07-31', '2028-07-31']);
    expect(rows[0]).toEqual({ date: '2027-07-31', expected: 220, low: 160, high: 280 });
  });

  describe('charts', () => {
    it('renders an SVG the CSP allows: no style element or attribute, named for screen readers, Dutch axis labels', () => {
      const svg = renderChartSvg(
        {
          xAxis: { type: 'category', data: ['a', 'b'] },
          yAxis: { type: 'value', axisLabel: { formatter: (value: number) => new Intl.NumberFormat('nl-NL').format(value) } },
          series: [{ type: 'bar', data: [12_000, 34_000] }],
        },
        'Staafdiagram "test" <a>',
      );
      expect(svg).toMatch(/^<svg role="img" aria-label="Staafdiagram &quot;test&quot; &lt;a&gt;" focusable="false" width="100%"/);
      expect(svg).not.toMatch(/<style|style="/);
      expect(svg).toContain('font-size="12px"');
      expect(svg).toContain('>30.000<');
    });

    it('turns style declarations into presentation attributes', () => {
      expect(withoutInlineStyles('<svg width="10" height="10"><text style="font-size:12px;fill:#000;">x</text><style>.a{}</style></svg>', 'x')).toBe(
        '<svg role="img" aria-label="x" focusable="false" width="100%"><text font-size="12px" fill="#000">x</text></svg>',
      );
    });
  });
});
