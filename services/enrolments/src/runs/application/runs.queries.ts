import { Injectable } from '@nestjs/common';
import { decodeCursor, limitOf, pageOf, type Page, type PageQuery } from '@napl/service-kit';
import { DataSource } from 'typeorm';
import { EnrolmentEntity } from '../../enrolments/infrastructure/enrolment.entity';
import { placesLeft, runEnrolment, type RunEnrolment } from '@napl/domain';
import { EnrolmentError } from '../../enrolments/domain/enrolment.errors';
import { KnownOfferEntity } from '../../offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../infrastructure/known-run.entity';

export interface RunView {
  runId: string;
  offerId: string;
  offerTitle: string | null;
  providerId: string;
  startDate: string;
  endDate: string;
  enrolmentDeadline: string | null;
  capacity: number;
  sessionCount: number;
  placesTaken: number;
  placesLeft: number;
  waitingListLength: number;
  teamProgramme: boolean;
  status: 'scheduled' | 'cancelled';
  /** What enrolling does now: open (a place), waiting-list (full) or closed. */
  enrolment: RunEnrolment;
}

/** The runs this service knows (from catalogue events), with places left: what a teacher can enrol in. */
@Injectable()
export class RunsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of runs by start date (keyset on start_date, run_id). What enrolling does is the domain's rule, applied
   * here on each row, so with an `enrolment` filter the runs are read in chunks until the page is full or none are left.
   */
  async list(filter: { offerId?: string; enrolment?: readonly RunEnrolment[] }, paging: PageQuery): Promise<Page<RunView>> {
    const limit = limitOf(paging);
    let after = decodeCursor(paging.cursor, ['date', 'uuid']) as [string, string] | undefined;
    const kept: RunView[] = [];
    for (;;) {
      const chunk = await this.query(filter.offerId ? { column: 'offer_id', value: filter.offerId } : undefined, after, limit + 1);
      const wanted = filter.enrolment;
      kept.push(...(wanted ? chunk.filter((view) => wanted.includes(view.enrolment)) : chunk));
      if (kept.length > limit || chunk.length <= limit) break;
      const last = chunk[chunk.length - 1];
      after = [last.startDate, last.runId];
    }
    return pageOf(kept, limit, (view) => [view.startDate, view.runId]);
  }

  async get(runId: string): Promise<RunView> {
    const [view] = await this.query({ column: 'run_id', value: runId });
    if (!view) throw new EnrolmentError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering is niet bekend.');
    return view;
  }

  private async query(where?: { column: 'run_id' | 'offer_id'; value: string }, after?: readonly [string, string], limit = 1): Promise<RunView[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (where) {
      parameters.push(where.value);
      conditions.push(`r.${where.column} = $${parameters.length}`);
    }
    if (after) {
      parameters.push(after[0], after[1]);
      conditions.push(`(r.start_date, r.run_id) > ($${parameters.length - 1}::date, $${parameters.length}::uuid)`);
    }
    parameters.push(limit);
    const runs = this.dataSource.getMetadata(KnownRunEntity).tablePath;
    const offers = this.dataSource.getMetadata(KnownOfferEntity).tablePath;
    const enrolments = this.dataSource.getMetadata(EnrolmentEntity).tablePath;
    const rows: (KnownRunRow & { title: string | null; team_programme: boolean | null; offer_status: KnownOfferEntity['status'] | null; taken: number; waiting: number })[] =
      await this.dataSource.query(
        `SELECT r.run_id, r.offer_id, r.provider_id, to_char(r.start_date, 'YYYY-MM-DD') AS start_date,
                to_char(r.end_date, 'YYYY-MM-DD') AS end_date, r.enrolment_deadline, r.capacity, r.session_count, r.status,
                o.title, o.team_programme, o.status AS offer_status,
                count(e.*) FILTER (WHERE e.status IN ('confirmed', 'completed', 'not_completed'))::int AS taken,
                count(e.*) FILTER (WHERE e.status = 'waitlisted')::int AS waiting
           FROM ${runs} r
           LEFT JOIN ${offers} o ON o.offer_id = r.offer_id
           LEFT JOIN ${enrolments} e ON e.run_id = r.run_id
          ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
          GROUP BY r.run_id, o.offer_id
          ORDER BY r.start_date, r.run_id
          LIMIT $${parameters.length}`,
        parameters,
      );
    const now = new Date();
    return rows.map((row) => {
      const enrolment = runEnrolment(
        {
          status: row.status,
          offerPublished: row.offer_status === 'published',
          startDate: row.start_date,
          enrolmentDeadline: row.enrolment_deadline,
          capacity: row.capacity,
          placesTaken: row.taken,
        },
        now,
      );
      return {
        runId: row.run_id,
        offerId: row.offer_id,
        offerTitle: row.title,
        providerId: row.provider_id,
        startDate: row.start_date,
        endDate: row.end_date,
        enrolmentDeadline: row.enrolment_deadline?.toISOString() ?? null,
        capacity: row.capacity,
        sessionCount: row.session_count,
        placesTaken: row.taken,
        placesLeft: placesLeft(row.capacity, row.taken),
        waitingListLength: row.waiting,
        teamProgramme: !!row.team_programme,
        status: row.status,
        enrolment,
      };
    });
  }
}

interface KnownRunRow {
  run_id: string;
  offer_id: string;
  provider_id: string;
  start_date: string;
  end_date: string;
  enrolment_deadline: Date | null;
  capacity: number;
  session_count: number;
  status: 'scheduled' | 'cancelled';
}
