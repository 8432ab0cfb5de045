import { Chart, dutchAxisLabel } from '../../ui/chart';
import { Button, DataTable, Form, Heading, Link, Paragraph, SummaryList, TextField, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro, formatNumber, formatPercent } from '../../ui/format';
import { SECTOR_NAMES } from '../../ui/vocabulary';
import { figureText, type Breakdown, type FigureCell } from './ministry-format';

/** The monitoring service's answers the dashboard shows (GET /v1/figures/<table>). */
export interface Figures<F> {
  readonly asOf: string;
  readonly rulesVersion: string;
  readonly freshness: readonly { topic: string; readUpTo: string | null }[];
  readonly figures: F;
}

export interface ParticipantFigures {
  readonly target: number;
  readonly targetDate: string;
  readonly cumulative: number;
  readonly percentOfTarget: number;
  readonly bySector: Breakdown;
  readonly byRegion: Breakdown;
  readonly byPath: Breakdown;
}

export interface ForecastFigures {
  readonly method: string;
  readonly target: number;
  readonly targetDate: string;
  readonly cumulative: number;
  readonly remaining: number;
  readonly pacePerMonth: number;
  readonly paceBand: { low: number; high: number };
  readonly requiredPacePerMonth: number | null;
  readonly expectedDate: string | null;
  readonly expectedDateBand: { earliest: string | null; latest: string | null };
  readonly status: string;
}

interface MoneyAmounts {
  readonly allocatedCents: number;
  readonly committedCents: number;
  readonly paidCents: number;
  readonly clawedBackCents: number;
}

export interface MoneyFigures {
  readonly nationalBudgetCents: number;
  readonly totals: MoneyAmounts;
  readonly tranches: readonly (MoneyAmounts & { code: string; budgetCents: number; conditional: boolean })[];
}

export interface PathFigures {
  readonly paths: readonly { code: string; title: string }[];
}

export interface DashboardData {
  readonly participants: Figures<ParticipantFigures>;
  readonly forecast: Figures<ForecastFigures>;
  readonly money: Figures<MoneyFigures>;
  readonly regionName: (regionId: string) => string;
  readonly pathTitle: (code: string) => string;
}

/** The tables monitoring exports (GET /api/monitoring/v1/exports/<table>), with their Dutch names. */
export const EXPORT_TABLES: readonly (readonly [string, string])[] = [
  ['participants', 'Deelnemers'],
  ['enrolments', 'Inschrijvingen'],
  ['paths', 'Ontwikkelpaden'],
  ['quality', 'Kwaliteit'],
  ['money', 'Geld'],
  ['eligibility', 'Subsidiabiliteit'],
  ['forecast', 'Prognose'],
];

const STATUS_TEXT: Record<string, string> = {
  'on-track': 'Op koers: bij het huidige tempo wordt het doel op tijd gehaald.',
  behind: 'Achter: bij het huidige tempo wordt het doel niet op tijd gehaald.',
  reached: 'Het doel is gehaald.',
};

/** The form for the as-of date (a GET form: the date is part of the page's address). */
export function AsOfForm({ value, errors }: { value: string; errors: readonly FieldError[] }) {
  return (
    <Form action="/ministerie" method="get" label="Peildatum kiezen">
      <TextField name="peildatum" label="Peildatum" description="De cijfers zoals ze aan het eind van die dag waren. Bijvoorbeeld 31-01-2027. Leeg: vandaag." value={value} errors={errors} width="short" />
      <Button secondary>Cijfers tonen</Button>
    </Form>
  );
}

export function DashboardFigures({ data }: { data: DashboardData }) {
  const { participants, forecast, money } = data;
  return (
    <>
      <Paragraph>
        Peildatum: <strong>{formatDate(participants.asOf)}</strong>. Regels van de cijfers: {participants.rulesVersion}. Een aantal van minder dan 5 leraren wordt
        afgeschermd, net als een aantal dat uit de andere af te leiden is.
      </Paragraph>
      <Progress forecast={forecast.figures} asOf={forecast.asOf} />
      <BreakdownSection title="Deelnemende leraren per sector" breakdown={participants.figures.bySector} keyHeader="Sector" nameOf={(key) => SECTOR_NAMES[key] ?? key} />
      <BreakdownSection title="Deelnemende leraren per regio" breakdown={participants.figures.byRegion} keyHeader="Regio" nameOf={data.regionName} />
      <BreakdownSection title="Deelnemende leraren per ontwikkelpad" breakdown={participants.figures.byPath} keyHeader="Ontwikkelpad" nameOf={data.pathTitle} />
      <Budget money={money.figures} />
      <Freshness freshness={participants.freshness} />
      <Exports asOf={participants.asOf} />
    </>
  );
}

interface ProjectionRow {
  readonly date: string;
  readonly expected: number;
  readonly low: number;
  readonly high: number;
}

/** The forecast's line drawn forward: at the end of each school year (31 July) up to the target date. */
export function projection(forecast: ForecastFigures, asOf: string): ProjectionRow[] {
  const rows: ProjectionRow[] = [];
  const start = new Date(`${asOf}T12:00:00Z`);
  const lastYear = Number(forecast.targetDate.slice(0, 4));
  for (let year = start.getUTCFullYear(); year <= lastYear; year++) {
    const date = `${year}-07-31`;
    if (date <= asOf) continue;
    const months = (new Date(`${date}T12:00:00Z`).getTime() - start.getTime()) / (1000 * 60 * 60 * 24 * 30.4375);
    const at = (pace: number) => Math.round(forecast.cumulative + pace * months);
    rows.push({ date, expected: at(forecast.pacePerMonth), low: at(forecast.paceBand.low), high: at(forecast.paceBand.high) });
  }
  return rows;
}

function Progress({ forecast, asOf }: { forecast: ForecastFigures; asOf: string }) {
  const rows = projection(forecast, asOf);
  const labels = rows.map((row) => formatDate(row.date));
  return (
    <section aria-labelledby="voortgang">
      <Heading level={2} id="voortgang">
        Voortgang naar {formatNumber(forecast.target)} leraren
      </Heading>
      <SummaryList
        rows={[
          ['Leraren die deelnemen of deelnamen', `${formatNumber(forecast.cumulative)} (${formatPercent(forecast.cumulative / forecast.target)} van het doel)`],
          ['Doel', `${formatNumber(forecast.target)} leraren op ${formatDate(forecast.targetDate)}`],
          ['Tempo nu', `${formatNumber(forecast.pacePerMonth)} nieuwe leraren per maand (band ${formatNumber(forecast.paceBand.low)} tot ${formatNumber(forecast.paceBand.high)})`],
          ['Nodig tempo', forecast.requiredPacePerMonth === null ? '–' : `${formatNumber(forecast.requiredPacePerMonth)} nieuwe leraren per maand`],
          [
            'Verwacht doel gehaald',
            forecast.expectedDate
              ? `${formatDate(forecast.expectedDate)} (tussen ${formatDate(forecast.expectedDateBand.earliest)} en ${formatDate(forecast.expectedDateBand.latest)})`
              : 'Niet te voorspellen bij dit tempo',
          ],
          ['Stand', STATUS_TEXT[forecast.status] ?? forecast.status],
        ]}
      />
      <Paragraph>Methode: {forecast.method}</Paragraph>
      <Chart
        caption="Prognose van het aantal deelnemende leraren, met band, tegen het doel"
        label={`Lijndiagram: verwacht aantal leraren per 31 juli tot ${formatDate(forecast.targetDate)}, met een lage en hoge schatting en het doel van ${formatNumber(forecast.target)}. De cijfers staan in de tabel hieronder.`}
        option={{
          grid: { left: 70, right: 20, top: 40, bottom: 60 },
          legend: { top: 0, textStyle: { color: '#1f2937' } },
          xAxis: { type: 'category', data: labels, axisLabel: { color: '#1f2937', rotate: 30 } },
          yAxis: { type: 'value', axisLabel: dutchAxisLabel() },
          series: [
            { name: 'Verwacht', type: 'line', data: rows.map((row) => row.expected) },
            { name: 'Laag', type: 'line', lineStyle: { type: 'dashed' }, data: rows.map((row) => row.low) },
            { name: 'Hoog', type: 'line', lineStyle: { type: 'dashed' }, data: rows.map((row) => row.high) },
            { name: 'Doel', type: 'line', symbol: 'none', data: rows.map(() => forecast.target) },
          ],
        }}
      >
        <DataTable
          caption="Prognose per 31 juli"
          rowKey={(row) => row.date}
          rows={rows}
          columns={[
            { header: 'Datum', cell: (row) => formatDate(row.date) },
            { header: 'Verwacht', numeric: true, cell: (row) => formatNumber(row.expected) },
            { header: 'Laag', numeric: true, cell: (row) => formatNumber(row.low) },
            { header: 'Hoog', numeric: true, cell: (row) => formatNumber(row.high) },
            { header: 'Doel', numeric: true, cell: () => formatNumber(forecast.target) },
          ]}
        />
      </Chart>
    </section>
  );
}

function BreakdownSection({ title, breakdown, keyHeader, nameOf }: { title: string; breakdown: Breakdown; keyHeader: string; nameOf: (key: string) => string }) {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  const cells = breakdown.cells;
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {cells.length === 0 ? (
        <Paragraph>Nog geen deelnemende leraren.</Paragraph>
      ) : (
        <Chart
          caption={title}
          label={`Staafdiagram: ${title.toLowerCase()}. Afgeschermde aantallen staan er niet in. De cijfers staan in de tabel hieronder.`}
          size={{ width: 640, height: Math.max(160, 60 + cells.length * 36) }}
          option={{
            grid: { left: 200, right: 40, top: 10, bottom: 30 },
            yAxis: { type: 'category', inverse: true, data: cells.map((cell) => nameOf(cell.key)), axisLabel: { color: '#1f2937', width: 180, overflow: 'truncate' } },
            xAxis: { type: 'value', minInterval: 1, axisLabel: dutchAxisLabel() },
            series: [{ type: 'bar', name: 'Leraren', data: cells.map((cell) => cell.value), label: { show: true, position: 'right', color: '#1f2937', formatter: ({ value }: { value: number }) => formatNumber(value) } }],
          }}
        >
          <DataTable<FigureCell | { key: '__total'; value: number | null; suppressed: string | null }>
            caption={title}
            rowKey={(cell) => cell.key}
            rows={[...cells, { key: '__total', value: breakdown.total, suppressed: breakdown.totalSuppressed }]}
            columns={[
              { header: keyHeader, cell: (cell) => (cell.key === '__total' ? <strong>Totaal</strong> : nameOf(cell.key)) },
              { header: 'Leraren', numeric: true, cell: (cell) => figureText(cell.value, cell.suppressed) },
            ]}
          />
        </Chart>
      )}
    </section>
  );
}

function Budget({ money }: { money: MoneyFigures }) {
  const tranches = money.tranches;
  const measures: readonly (readonly [string, (tranche: MoneyFigures['tranches'][number]) => number])[] = [
    ['Budget', (tranche) => tranche.budgetCents],
    ['Toegekend', (tranche) => tranche.allocatedCents],
    ['Vastgelegd', (tranche) => tranche.committedCents],
    ['Betaald', (tranche) => tranche.paidCents - tranche.clawedBackCents],
  ];
  return (
    <section aria-labelledby="budget">
      <Heading level={2} id="budget">
        Budget tegen de tranches
      </Heading>
      <SummaryList
        rows={[
          ['Landelijk budget', formatEuro(money.nationalBudgetCents)],
          ['Toegekend aan regio’s', formatEuro(money.totals.allocatedCents)],
          ['Vastgelegd', formatEuro(money.totals.committedCents)],
          ['Betaald', formatEuro(money.totals.paidCents)],
          ['Teruggevorderd', formatEuro(money.totals.clawedBackCents)],
        ]}
      />
      <Chart
        caption="Budget, toegekend, vastgelegd en betaald per tranche (in euro)"
        label="Staafdiagram: per tranche het budget, het toegekende, het vastgelegde en het betaalde bedrag in euro. De bedragen staan in de tabel hieronder."
        option={{
          grid: { left: 80, right: 20, top: 40, bottom: 30 },
          legend: { top: 0, textStyle: { color: '#1f2937' } },
          xAxis: { type: 'category', data: tranches.map((tranche) => `Tranche ${tranche.code}`), axisLabel: { color: '#1f2937' } },
          yAxis: { type: 'value', axisLabel: dutchAxisLabel(true) },
          series: measures.map(([name, amount]) => ({ name, type: 'bar', data: tranches.map((tranche) => amount(tranche) / 100) })),
        }}
      >
        <DataTable
          caption="Budget per tranche"
          rowKey={(tranche) => tranche.code}
          rows={tranches}
          columns={[
            { header: 'Tranche', cell: (tranche) => `${tranche.code}${tranche.conditional ? ' (voorwaardelijk)' : ''}` },
            { header: 'Budget', numeric: true, cell: (tranche) => formatEuro(tranche.budgetCents) },
            { header: 'Toegekend', numeric: true, cell: (tranche) => formatEuro(tranche.allocatedCents) },
            { header: 'Vastgelegd', numeric: true, cell: (tranche) => formatEuro(tranche.committedCents) },
            { header: 'Betaald', numeric: true, cell: (tranche) => formatEuro(tranche.paidCents) },
            { header: 'Teruggevorderd', numeric: true, cell: (tranche) => formatEuro(tranche.clawedBackCents) },
            { header: 'Gebruikt', numeric: true, cell: (tranche) => formatPercent(tranche.budgetCents > 0 ? tranche.allocatedCents / tranche.budgetCents : null) },
          ]}
        />
      </Chart>
    </section>
  );
}

function Freshness({ freshness }: { freshness: Figures<unknown>['freshness'] }) {
  return (
    <section aria-labelledby="actualiteit">
      <Heading level={2} id="actualiteit">
        Hoe actueel de cijfers zijn
      </Heading>
      <DataTable
        caption="Laatst verwerkte gebeurtenis per bron"
        rowKey={(row) => row.topic}
        rows={freshness}
        columns={[
          { header: 'Bron (topic)', cell: (row) => <code>{row.topic}</code> },
          { header: 'Verwerkt tot', cell: (row) => (row.readUpTo ? formatDateTime(row.readUpTo) : 'Nog niets ontvangen') },
        ]}
      />
      <Paragraph>
        Kloppen de cijfers niet meer met de bronnen, bijvoorbeeld na een correctie in de regels? <Link href="/ministerie/herbouw">Bouw de cijfers opnieuw op</Link>{' '}
        vanaf de eerste gebeurtenis; de huidige cijfers blijven zichtbaar tot de nieuwe klaar zijn.
      </Paragraph>
    </section>
  );
}

function Exports({ asOf }: { asOf: string }) {
  const href = (table: string, format: 'csv' | 'json') => `/api/monitoring/v1/exports/${table}?format=${format}&asOf=${asOf}`;
  return (
    <section aria-labelledby="downloads">
      <Heading level={2} id="downloads">
        Cijfers downloaden
      </Heading>
      <Paragraph>Elke tabel met de peildatum {formatDate(asOf)} en de versie van de regels in elke regel.</Paragraph>
      <ul className="utrecht-unordered-list">
        {EXPORT_TABLES.map(([table, name]) => (
          <li key={table}>
            {name}:{' '}
            <a className="utrecht-link" href={href(table, 'csv')} download>
              {`${name} als CSV`}
            </a>
            ,{' '}
            <a className="utrecht-link" href={href(table, 'json')} download={`napl-${table}-${asOf}.json`}>
              {`${name} als JSON`}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
