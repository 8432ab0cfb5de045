import type { EntityManager } from 'typeorm';
import type { ExportRow } from '../../reporting/domain/csv';
import { endOfDay, publishMeasure, rowsOf, tableOf, UNKNOWN, type PublishedMeasure } from '../../reporting/application/published-figures';
import { EnrolmentFactEntity } from '../infrastructure/enrolment-fact.entity';

/** The measures, each the enrolments whose moment came before the end of the as-of date. */
const MEASURES = {
  enrolments: 'confirmed_at',
  completions: 'completed_at',
  dropOuts: 'not_completed_at',
  cancellations: 'cancelled_at',
} as const;

type Measure = keyof typeof MEASURES;

export interface EnrolmentMeasure {
  readonly bySector: PublishedMeasure;
  readonly byRegion: PublishedMeasure;
}

export interface EnrolmentFigures {
  readonly totals: Record<Measure, number>;
  /** Drop-outs as a percentage of the runs that ended (completed plus not completed); null before any ended. */
  readonly dropOutPercent: number | null;
  readonly measures: Record<Measure, EnrolmentMeasure>;
}

const DUTCH: Record<Measure, string> = { enrolments: 'inschrijvingen', completions: 'afgerond', dropOuts: 'uitgevallen', cancellations: 'geannuleerd' };

/** Enrolments, completions, drop-outs and cancellations as of a date, split by sector and region. */
export async function enrolmentFigures(manager: EntityManager, asOf: string): Promise<{ figures: EnrolmentFigures; rows: ExportRow[] }> {
  const table = tableOf(manager, EnrolmentFactEntity);
  const totals = {} as Record<Measure, number>;
  const measures = {} as Record<Measure, EnrolmentMeasure>;
  const rows: ExportRow[] = [];
  for (const [measure, column] of Object.entries(MEASURES) as [Measure, string][]) {
    const where = `${column} < ${endOfDay('$1')}`;
    const [total]: { value: string; teachers: string }[] = await manager.query(
      `SELECT count(*) AS value, count(DISTINCT teacher_id) AS teachers FROM ${table} WHERE ${where}`,
      [asOf],
    );
    const whole = { value: Number(total.value), teachers: Number(total.teachers) };
    const split = async (dimension: string) => {
      const cells: { key: string | null; value: string; teachers: string }[] = await manager.query(
        `SELECT ${dimension} AS key, count(*) AS value, count(DISTINCT teacher_id) AS teachers FROM ${table} WHERE ${where} GROUP BY 1`,
        [asOf],
      );
      return publishMeasure(cells.map((cell) => ({ key: cell.key ?? UNKNOWN, value: Number(cell.value), teachers: Number(cell.teachers) })), whole);
    };
    totals[measure] = whole.value;
    measures[measure] = { bySector: await split('sector'), byRegion: await split('region_id') };
    rows.push(...rowsOf('sector', DUTCH[measure], measures[measure].bySector), ...rowsOf('regio', DUTCH[measure], measures[measure].byRegion));
  }
  const ended = totals.completions + totals.dropOuts;
  const dropOutPercent = ended === 0 ? null : Math.round((totals.dropOuts / ended) * 1000) / 10;
  rows.push({ section: 'totaal', key: '', measure: 'uitval-procent', value: dropOutPercent, suppressed: null });
  return { figures: { totals, dropOutPercent, measures }, rows };
}
