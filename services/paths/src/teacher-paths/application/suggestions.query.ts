import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { todayInAmsterdam } from '@napl/domain';
import { validMarkExists } from '../../catalogue-copy/application/known-mark-store';
import { KnownMarkEntity } from '../../catalogue-copy/infrastructure/known-mark.entity';
import { KnownOfferEntity } from '../../catalogue-copy/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../../catalogue-copy/infrastructure/known-run.entity';
import { RunPlaceEntity } from '../../catalogue-copy/infrastructure/run-place.entity';
import { isOwnPath } from '../domain/teacher-path-access';
import { TeacherPathError } from '../domain/teacher-path.errors';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import { stateOf } from './progress-reader';

export interface SuggestedRunView {
  readonly runId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly online: boolean;
  readonly placesLeft: number;
}

export interface SuggestedOfferView {
  readonly offerId: string;
  readonly title: string;
  readonly format: string | null;
  readonly studyLoadHours: number;
  readonly runs: readonly SuggestedRunView[];
}

export interface StepSuggestionsView {
  readonly stepCode: string;
  readonly offers: readonly SuggestedOfferView[];
}

/** At most this many offers per step, earliest run first: a suggestion, not the catalogue's search. */
const OFFERS_PER_STEP = 5;

/**
 * Offers for the steps a teacher has not completed yet: published (so approved), holding a valid quality mark today,
 * for the teacher's sector, with a run that still takes enrolments and has places left, in the teacher's region, given
 * nationally, or online.
 */
@Injectable()
export class SuggestionsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async forTeacherPath(principal: Principal, teacherPathId: string, regionId: string | undefined): Promise<StepSuggestionsView[]> {
    const manager = this.dataSource.manager;
    const teacherPath = await manager.findOneBy(TeacherPathEntity, { teacherPathId });
    if (!teacherPath || !isOwnPath(principal, teacherPath)) throw new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', 'Dit pad van een leraar bestaat niet.');
    const state = await stateOf(manager, teacherPath);
    const open = state.progress.steps.filter((step) => step.status !== 'completed').map((step) => step.code);
    if (open.length === 0) return [];
    const table = (entity: Parameters<typeof manager.connection.getMetadata>[0]) => manager.connection.getMetadata(entity).tablePath;
    const rows: {
      step_code: string; offer_id: string; title: string; format: string | null; study_load_hours: number;
      run_id: string; start_date: string; end_date: string; online: boolean; places_left: number;
    }[] = await manager.query(
      `WITH step AS (SELECT unnest($1::text[]) AS code),
       candidate AS (
         SELECT s.code AS step_code, o.offer_id, o.title, o.format, o.study_load_hours, r.run_id, r.start_date::text, r.end_date::text, r.online,
                r.capacity - (SELECT count(*) FROM ${table(RunPlaceEntity)} p WHERE p.run_id = r.run_id AND p.holds_place)::int AS places_left,
                row_number() OVER (PARTITION BY s.code, o.offer_id ORDER BY r.start_date, r.run_id) AS run_rank
           FROM step s
           JOIN ${table(KnownOfferEntity)} o ON s.code = ANY (o.path_step_codes)
           JOIN ${table(KnownRunEntity)} r ON r.offer_id = o.offer_id
          WHERE o.status = 'published' AND $2 = ANY (o.sectors)
            AND ${validMarkExists(table(KnownMarkEntity), 'o.offer_id', 'now()')}
            AND r.status = 'scheduled' AND r.start_date > $3::date AND (r.enrolment_deadline IS NULL OR r.enrolment_deadline > now())
            AND (r.online OR cardinality(o.region_ids) = 0 OR $4::text = ANY (o.region_ids))
       )
       SELECT * FROM candidate WHERE places_left > 0 AND run_rank <= 3 ORDER BY step_code, start_date, offer_id`,
      [open, teacherPath.sector, todayInAmsterdam(), regionId ?? null],
    );
    return open.map((stepCode) => {
      const offers = new Map<string, SuggestedOfferView & { runs: SuggestedRunView[] }>();
      for (const row of rows.filter((candidate) => candidate.step_code === stepCode)) {
        if (!offers.has(row.offer_id)) {
          if (offers.size === OFFERS_PER_STEP) continue;
          offers.set(row.offer_id, { offerId: row.offer_id, title: row.title, format: row.format, studyLoadHours: row.study_load_hours, runs: [] });
        }
        offers.get(row.offer_id)!.runs.push({ runId: row.run_id, startDate: row.start_date, endDate: row.end_date, online: row.online, placesLeft: row.places_left });
      }
      return { stepCode, offers: [...offers.values()] };
    });
  }
}
