import type { EntityManager } from 'typeorm';
import { EnrolmentFactEntity } from '../../enrolments/infrastructure/enrolment-fact.entity';
import type { ExportRow } from '../../reporting/domain/csv';
import { endOfDay, publishMeasure, rowsOf, tableOf, UNKNOWN, type PublishedMeasure } from '../../reporting/application/published-figures';
import { EligibilityFactEntity } from '../infrastructure/eligibility-fact.entity';

export interface EligibilityFigures {
  /** Enrolments with a decision by the date, by their latest decision then; the amount of the eligible ones. */
  readonly totals: { decided: number; eligible: number; notEligible: number; eligibleCents: number };
  /** Every decided enrolment by the reason of its latest decision (`eligible`, `cap-reached`, `no-rule-in-force`, …). */
  readonly byReason: PublishedMeasure;
  readonly eligibleByRegion: PublishedMeasure;
  readonly notEligibleByRegion: PublishedMeasure;
}

/**
 * Reimbursement's eligibility decisions as of a date: per enrolment the latest decision before the end of the date
 * counts (a decision changed later counts as it was then). About teachers, so suppressed where small: a cell's teachers
 * are the distinct teachers of its enrolments (an enrolment whose teacher monitoring has not seen counts as one).
 */
export async function eligibilityFigures(manager: EntityManager, asOf: string): Promise<{ figures: EligibilityFigures; rows: ExportRow[] }> {
  const decisions = tableOf(manager, EligibilityFactEntity);
  const enrolments = tableOf(manager, EnrolmentFactEntity);
  const latest = `WITH latest AS (
      SELECT DISTINCT ON (enrolment_id) enrolment_id, region_id, eligible, reason, amount_cents
      FROM ${decisions} WHERE decided_at < ${endOfDay('$1')} ORDER BY enrolment_id, decided_at DESC)`;
  const teachers = `count(DISTINCT coalesce(e.teacher_id, l.enrolment_id))`;
  const [total]: { decided: string; eligible: string; cents: string | null; teachers: string; eligible_teachers: string; not_eligible_teachers: string }[] = await manager.query(
    `${latest}
     SELECT count(*) AS decided, count(*) FILTER (WHERE l.eligible) AS eligible, sum(l.amount_cents) FILTER (WHERE l.eligible) AS cents,
            ${teachers} AS teachers,
            count(DISTINCT coalesce(e.teacher_id, l.enrolment_id)) FILTER (WHERE l.eligible) AS eligible_teachers,
            count(DISTINCT coalesce(e.teacher_id, l.enrolment_id)) FILTER (WHERE NOT l.eligible) AS not_eligible_teachers
     FROM latest l LEFT JOIN ${enrolments} e ON e.enrolment_id = l.enrolment_id`,
    [asOf],
  );
  const decided = Number(total.decided);
  const eligible = Number(total.eligible);
  const split = async (dimension: string, filter: string, whole: { value: number; teachers: number }) => {
    const cells: { key: string | null; value: string; teachers: string }[] = await manager.query(
      `${latest}
       SELECT ${dimension} AS key, count(*) AS value, ${teachers} AS teachers
       FROM latest l LEFT JOIN ${enrolments} e ON e.enrolment_id = l.enrolment_id WHERE ${filter} GROUP BY 1`,
      [asOf],
    );
    return publishMeasure(cells.map((cell) => ({ key: cell.key || UNKNOWN, value: Number(cell.value), teachers: Number(cell.teachers) })), whole);
  };
  const byReason = await split('l.reason', 'true', { value: decided, teachers: Number(total.teachers) });
  const eligibleByRegion = await split('l.region_id', 'l.eligible', { value: eligible, teachers: Number(total.eligible_teachers) });
  const notEligibleByRegion = await split('l.region_id', 'NOT l.eligible', { value: decided - eligible, teachers: Number(total.not_eligible_teachers) });
  const totals = { decided, eligible, notEligible: decided - eligible, eligibleCents: Number(total.cents ?? 0) };
  const rows: ExportRow[] = [
    { section: 'totaal', key: '', measure: 'besloten', value: totals.decided, suppressed: null },
    { section: 'totaal', key: '', measure: 'subsidiabel', value: totals.eligible, suppressed: null },
    { section: 'totaal', key: '', measure: 'niet-subsidiabel', value: totals.notEligible, suppressed: null },
    { section: 'totaal', key: '', measure: 'subsidiabel-cent', value: totals.eligibleCents, suppressed: null },
    ...rowsOf('reden', 'inschrijvingen', byReason),
    ...rowsOf('regio', 'subsidiabel', eligibleByRegion),
    ...rowsOf('regio', 'niet-subsidiabel', notEligibleByRegion),
  ];
  return { figures: { totals, byReason, eligibleByRegion, notEligibleByRegion }, rows };
}
