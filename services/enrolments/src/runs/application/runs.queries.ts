import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnrolmentEntity } from '../../enrolments/infrastructure/enrolment.entity';
import { assertOpenForEnrolment } from '../../enrolments/domain/enrolment-rules';
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
  openForEnrolment: boolean;
}

/** The runs this service knows (from catalogue events), with places left: what a teacher can enrol in. */
@Injectable()
export class RunsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { offerId?: string; openOnly?: boolean }): Promise<RunView[]> {
    const views = await this.query(filter.offerId ? { column: 'offer_id', value: filter.offerId } : undefined);
    return filter.openOnly ? views.filter((view) => view.openForEnrolment) : views;
  }

  async get(runId: string): Promise<RunView> {
    const [view] = await this.query({ column: 'run_id', value: runId });
    if (!view) throw new EnrolmentError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering is niet bekend.');
    return view;
  }

  private async query(where?: { column: 'run_id' | 'offer_id'; value: string }): Promise<RunView[]> {
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
          ${where ? `WHERE r.${where.column} = $1` : ''}
          GROUP BY r.run_id, o.offer_id
          ORDER BY r.start_date, r.run_id
          LIMIT 500`,
        where ? [where.value] : [],
      );
    const now = new Date();
    return rows.map((row) => {
      const offer = row.offer_status ? { status: row.offer_status, teamProgramme: !!row.team_programme } : null;
      let open = true;
      try {
        assertOpenForEnrolment(
          { status: row.status, startDate: row.start_date, endDate: row.end_date, enrolmentDeadline: row.enrolment_deadline, capacity: row.capacity },
          offer,
          now,
        );
      } catch {
        open = false;
      }
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
        placesLeft: Math.max(0, row.capacity - row.taken),
        waitingListLength: row.waiting,
        teamProgramme: !!row.team_programme,
        status: row.status,
        openForEnrolment: open,
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
