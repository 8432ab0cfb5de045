import type { EntityManager } from 'typeorm';
import { TeacherPathFactEntity } from '../../path-progress/infrastructure/teacher-path-fact.entity';
import type { ExportRow } from '../../reporting/domain/csv';
import { PARTICIPANT_TARGET, TARGET_DATE } from '../../reporting/domain/programme';
import { schoolYearOf } from '../../reporting/domain/school-year';
import { endOfDay, publishMeasure, rowsOf, tableOf, UNKNOWN, type PublishedMeasure } from '../../reporting/application/published-figures';
import { OfferFactEntity } from '../infrastructure/offer-fact.entity';
import { ParticipantFactEntity } from '../infrastructure/participant-fact.entity';

export interface ParticipantFigures {
  readonly target: number;
  readonly targetDate: string;
  /** Unique teachers whose first participation started on or before the as-of date. */
  readonly cumulative: number;
  /** Cumulative as a share of the target, in percent (one decimal). */
  readonly percentOfTarget: number;
  /** New participants per school year (1 August to 31 July), suppressed against the cumulative total. */
  readonly perSchoolYear: PublishedMeasure;
  readonly bySector: PublishedMeasure;
  readonly byRegion: PublishedMeasure;
  /** Per path the teacher started (by the as-of date); a teacher on two paths is in both, `geen-pad` without any. */
  readonly byPath: PublishedMeasure;
  /** By the format of the offer of the first participation. */
  readonly byFormat: PublishedMeasure;
}

type Count = { key: string | null; teachers: string };

/** Unique participating teachers as of a date, against the target, per school year and split four ways. */
export async function participantFigures(manager: EntityManager, asOf: string): Promise<{ figures: ParticipantFigures; rows: ExportRow[] }> {
  const participants = tableOf(manager, ParticipantFactEntity);
  const offers = tableOf(manager, OfferFactEntity);
  const teacherPaths = tableOf(manager, TeacherPathFactEntity);
  const asOfFilter = `p.started_on <= $1::date`;
  const counted = async (select: string, from = `${participants} p`, groupBy = 'key'): Promise<{ key: string; value: number; teachers: number }[]> => {
    const rows: Count[] = await manager.query(`SELECT ${select} AS key, count(DISTINCT p.teacher_id) AS teachers FROM ${from} WHERE ${asOfFilter} GROUP BY ${groupBy}`, [asOf]);
    return rows.map((row) => ({ key: row.key ?? UNKNOWN, value: Number(row.teachers), teachers: Number(row.teachers) }));
  };
  const [{ total }]: { total: string }[] = await manager.query(`SELECT count(*) AS total FROM ${participants} p WHERE ${asOfFilter}`, [asOf]);
  const cumulative = Number(total);
  const whole = { value: cumulative, teachers: cumulative };

  const byDay = await counted(`to_char(p.started_on, 'YYYY-MM-DD')`);
  const perYear = new Map<string, number>();
  for (const { key, teachers } of byDay) perYear.set(schoolYearOf(key), (perYear.get(schoolYearOf(key)) ?? 0) + teachers);
  const perSchoolYear = publishMeasure([...perYear].map(([key, teachers]) => ({ key, value: teachers, teachers })), whole);

  const bySector = publishMeasure(await counted('p.sector'), whole);
  const byRegion = publishMeasure(await counted('p.region_id'), whole);
  const byFormat = publishMeasure(await counted(`COALESCE(NULLIF(o.format, ''), '${UNKNOWN}')`, `${participants} p LEFT JOIN ${offers} o ON o.offer_id = p.offer_id`), whole);
  const byPath = publishMeasure(
    await counted(
      `COALESCE(NULLIF(t.path_code, ''), t.path_id, 'geen-pad')`,
      `${participants} p LEFT JOIN ${teacherPaths} t ON t.teacher_id = p.teacher_id AND t.started_at < ${endOfDay('$1')}`,
    ),
    whole,
  );

  const figures: ParticipantFigures = {
    target: PARTICIPANT_TARGET,
    targetDate: TARGET_DATE,
    cumulative,
    percentOfTarget: Math.round((cumulative / PARTICIPANT_TARGET) * 1000) / 10,
    perSchoolYear,
    bySector,
    byRegion,
    byPath,
    byFormat,
  };
  const rows: ExportRow[] = [
    { section: 'totaal', key: '', measure: 'cumulatief', value: cumulative, suppressed: null },
    { section: 'totaal', key: '', measure: 'doel', value: PARTICIPANT_TARGET, suppressed: null },
    { section: 'totaal', key: '', measure: 'doeldatum', value: TARGET_DATE, suppressed: null },
    ...rowsOf('schooljaar', 'nieuwe-deelnemers', perSchoolYear),
    ...rowsOf('sector', 'deelnemers', bySector),
    ...rowsOf('regio', 'deelnemers', byRegion),
    ...rowsOf('pad', 'deelnemers', byPath),
    ...rowsOf('vorm', 'deelnemers', byFormat),
  ];
  return { figures, rows };
}

/** New participants per start date in the 365 days up to the as-of date, and the cumulative count: the forecast's input. */
export async function participationPace(manager: EntityManager, asOf: string): Promise<{ cumulative: number; recent: { date: string; count: number }[] }> {
  const participants = tableOf(manager, ParticipantFactEntity);
  const [{ total }]: { total: string }[] = await manager.query(`SELECT count(*) AS total FROM ${participants} WHERE started_on <= $1::date`, [asOf]);
  const recent: { date: string; count: string }[] = await manager.query(
    `SELECT to_char(started_on, 'YYYY-MM-DD') AS date, count(*) AS count FROM ${participants}
     WHERE started_on <= $1::date AND started_on > $1::date - 365 GROUP BY started_on`,
    [asOf],
  );
  return { cumulative: Number(total), recent: recent.map((row) => ({ date: row.date, count: Number(row.count) })) };
}
