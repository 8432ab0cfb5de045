import type { EntityManager } from 'typeorm';
import type { ExportRow } from '../../reporting/domain/csv';
import { endOfDay, tableOf } from '../../reporting/application/published-figures';
import { AssessmentDecisionFactEntity } from '../infrastructure/assessment-decision-fact.entity';
import { MarkEndFactEntity } from '../infrastructure/mark-end-fact.entity';

export interface QualityYear {
  /** Calendar year in Europe/Amsterdam. */
  readonly year: number;
  readonly approved: number;
  readonly rejected: number;
  readonly marksExpired: number;
  readonly marksRevoked: number;
}

export interface QualityFigures {
  readonly totals: Omit<QualityYear, 'year'>;
  readonly perYear: QualityYear[];
}

/** Offers approved and rejected, marks expired and revoked, as of a date. About offers, not teachers: nothing suppressed. */
export async function qualityFigures(manager: EntityManager, asOf: string): Promise<{ figures: QualityFigures; rows: ExportRow[] }> {
  const decisions = tableOf(manager, AssessmentDecisionFactEntity);
  const ends = tableOf(manager, MarkEndFactEntity);
  const yearOf = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'Europe/Amsterdam')::int`;
  const rowsIn: { year: number; measure: keyof Omit<QualityYear, 'year'>; count: string }[] = await manager.query(
    `SELECT ${yearOf('decided_at')} AS year, CASE WHEN approved THEN 'approved' ELSE 'rejected' END AS measure, count(*) AS count
       FROM ${decisions} WHERE decided_at < ${endOfDay('$1')} GROUP BY 1, 2
     UNION ALL
     SELECT ${yearOf('ended_at')}, CASE WHEN kind = 'revoked' THEN 'marksRevoked' ELSE 'marksExpired' END, count(*)
       FROM ${ends} WHERE ended_at < ${endOfDay('$1')} GROUP BY 1, 2`,
    [asOf],
  );
  const years = new Map<number, QualityYear>();
  const empty = { approved: 0, rejected: 0, marksExpired: 0, marksRevoked: 0 };
  const totals = { ...empty };
  for (const row of rowsIn) {
    const year = years.get(row.year) ?? { year: row.year, ...empty };
    years.set(row.year, { ...year, [row.measure]: year[row.measure] + Number(row.count) });
    totals[row.measure] += Number(row.count);
  }
  const perYear = [...years.values()].sort((a, b) => a.year - b.year);
  const DUTCH = { approved: 'goedgekeurd', rejected: 'afgewezen', marksExpired: 'keurmerk-verlopen', marksRevoked: 'keurmerk-ingetrokken' } as const;
  const rows: ExportRow[] = [];
  for (const measure of Object.keys(DUTCH) as (keyof typeof DUTCH)[]) {
    rows.push({ section: 'totaal', key: '', measure: DUTCH[measure], value: totals[measure], suppressed: null });
    for (const year of perYear) rows.push({ section: 'jaar', key: String(year.year), measure: DUTCH[measure], value: year[measure], suppressed: null });
  }
  return { figures: { totals, perYear }, rows };
}
