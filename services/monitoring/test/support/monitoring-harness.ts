import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, PathsEvents, Sector } from '@napl/contracts';
import { EventFedService, waitUntilConsumed, type PublishOptions } from '@napl/testing';
import { MonitoringConfig } from '../../src/monitoring.config';
import { MONITORING_SERVICE } from '../../src/monitoring.description';
import { MonitoringModule } from '../../src/monitoring.module';

export interface StreamTeacher {
  readonly teacherId: string;
  readonly enrolmentId: string;
  readonly offerId: string;
  readonly sector: Sector;
  readonly regionId: string;
}

/** A published measure as the API answers it. */
export interface Measure {
  total: number | null;
  totalSuppressed: string | null;
  cells: { key: string; value: number | null; suppressed: string | null }[];
}

/** The cells of a measure by key: the value, or the suppression marker. */
export function cellsOf(measure: Measure): Record<string, number | string | null> {
  return Object.fromEntries(measure.cells.map((cell) => [cell.key, cell.suppressed ?? cell.value]));
}

/**
 * The monitoring service against the real Postgres and Kafka, fed the way it is in use: other services' events on
 * Kafka, published as their outbox relays do, consumed by monitoring's idempotent consumer.
 */
export class MonitoringHarness extends EventFedService<MonitoringConfig> {
  private ministryToken = '';

  static async start(name: string): Promise<MonitoringHarness> {
    const harness = new MonitoringHarness(
      await EventFedService.boot({ description: MONITORING_SERVICE, configClass: MonitoringConfig, module: (config, auth) => MonitoringModule.forRoot(config, auth) }, name),
    );
    harness.ministryToken = await harness.tokenFor({ subject: 'test-ministry', roles: ['ministry'] });
    return harness;
  }

  /** A figures table as the ministry sees it. */
  async figures<F = Record<string, unknown>>(table: string, asOf?: string): Promise<{ asOf: string; rulesVersion: string; freshness: { topic: string; readUpTo: string | null }[]; figures: F }> {
    const response = await this.http()
      .get(`/v1/figures/${table}`)
      .query(asOf ? { asOf } : {})
      .set('Authorization', `Bearer ${this.ministryToken}`)
      .expect(200);
    return response.body;
  }

  exportOf(table: string, query: Record<string, string>) {
    return this.http().get(`/v1/exports/${table}`).query(query).set('Authorization', `Bearer ${this.ministryToken}`);
  }

  newTeacher(spec: { sector: Sector; regionId: string; offerId?: string }): StreamTeacher {
    return { teacherId: randomUUID(), enrolmentId: randomUUID(), offerId: spec.offerId ?? randomUUID(), sector: spec.sector, regionId: spec.regionId };
  }

  snapshot(teacher: StreamTeacher) {
    return {
      enrolmentId: teacher.enrolmentId,
      teacherId: teacher.teacherId,
      runId: randomUUID(),
      offerId: teacher.offerId,
      offerVersion: 1,
      providerId: randomUUID(),
      sector: teacher.sector,
      regionId: teacher.regionId,
    };
  }

  /** Enrolments: the teacher's participation started on a date (YYYY-MM-DD). */
  participationStarted(teacher: StreamTeacher, startedOn: string, options: PublishOptions & { enrolmentId?: string } = {}): Promise<string> {
    return this.events.publish(
      EnrolmentsEvents.ParticipationStarted,
      teacher.teacherId,
      {
        teacherId: teacher.teacherId,
        enrolmentId: options.enrolmentId ?? teacher.enrolmentId,
        runId: randomUUID(),
        offerId: teacher.offerId,
        sector: teacher.sector,
        regionId: teacher.regionId,
        firstParticipation: true,
        startedOn,
        startedAt: timestampFromDate(new Date(`${startedOn}T09:00:00+01:00`)),
      },
      options,
    );
  }

  enrolmentConfirmed(teacher: StreamTeacher, at: Date, options: PublishOptions = {}): Promise<string> {
    return this.events.publish(EnrolmentsEvents.EnrolmentConfirmed, teacher.enrolmentId, { enrolment: this.snapshot(teacher), confirmedAt: timestampFromDate(at) }, options);
  }

  enrolmentCompleted(teacher: StreamTeacher, at: Date, options: PublishOptions = {}): Promise<string> {
    return this.events.publish(EnrolmentsEvents.EnrolmentCompleted, teacher.enrolmentId, { enrolment: this.snapshot(teacher), sessionsAttended: 4, completedAt: timestampFromDate(at) }, options);
  }

  enrolmentNotCompleted(teacher: StreamTeacher, at: Date): Promise<string> {
    return this.events.publish(EnrolmentsEvents.EnrolmentNotCompleted, teacher.enrolmentId, { enrolment: this.snapshot(teacher), sessionsAttended: 1, recordedAt: timestampFromDate(at) });
  }

  enrolmentCancelled(teacher: StreamTeacher, at: Date): Promise<string> {
    return this.events.publish(EnrolmentsEvents.EnrolmentCancelled, teacher.enrolmentId, { enrolment: this.snapshot(teacher), cause: 1, heldPlace: true, cancelledAt: timestampFromDate(at) });
  }

  teacherPath(teacher: StreamTeacher, path: { pathId: string; pathCode: string }) {
    return { teacherPathId: randomUUID(), teacherId: teacher.teacherId, pathId: path.pathId, pathCode: path.pathCode, version: 1, sector: 'po' };
  }

  pathStarted(teacherPath: ReturnType<MonitoringHarness['teacherPath']>, at: Date): Promise<string> {
    return this.events.publish(PathsEvents.PathStarted, teacherPath.teacherPathId, { teacherPath, startedAt: timestampFromDate(at) });
  }

  stepCompleted(teacherPath: ReturnType<MonitoringHarness['teacherPath']>, stepCode: string, at: Date): Promise<string> {
    return this.events.publish(PathsEvents.StepCompleted, teacherPath.teacherPathId, { teacherPath, stepCode, completedBy: 1, hoursCounted: 16, completedAt: timestampFromDate(at) });
  }

  pathCompleted(teacherPath: ReturnType<MonitoringHarness['teacherPath']>, at: Date): Promise<string> {
    return this.events.publish(PathsEvents.PathCompleted, teacherPath.teacherPathId, { teacherPath, completedAt: timestampFromDate(at) });
  }

  /** Waits until monitoring applied every event id given (each a first delivery). */
  async consumed(eventIds: readonly string[]): Promise<void> {
    for (const eventId of eventIds) await waitUntilConsumed(this.service, eventId);
  }

  /** Starts a rebuild of the read models as the ministry does. */
  startRebuild() {
    return this.http().post('/v1/rebuilds').set('Authorization', `Bearer ${this.ministryToken}`);
  }

  async rebuildRun(runId: string): Promise<RebuildRun> {
    return (await this.http().get(`/v1/rebuilds/${runId}`).set('Authorization', `Bearer ${this.ministryToken}`).expect(200)).body;
  }

  /**
   * Per table of schema `a` (all but rebuild_run): its rows that `b`'s same table lacks and the other way round, and
   * its row count. Columns a copy cannot share are left out: when an event id was recorded in the inbox.
   */
  async tableDifferences(a: string, b: string): Promise<{ table: string; rows: number; onlyInA: number; onlyInB: number }[]> {
    const tables: { tablename: string }[] = await this.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'rebuild_run' ORDER BY 1`, [a]);
    const result = [];
    for (const { tablename: table } of tables) {
      const columns: { column_name: string }[] = await this.db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name NOT IN ('processed_at') ORDER BY ordinal_position`,
        [a, table],
      );
      const list = columns.map((c) => `"${c.column_name}"`).join(', ');
      const [row] = await this.db.query(
        `SELECT (SELECT count(*) FROM "${a}"."${table}")::int AS rows,
                (SELECT count(*) FROM (SELECT ${list} FROM "${a}"."${table}" EXCEPT ALL SELECT ${list} FROM "${b}"."${table}") d)::int AS "onlyInA",
                (SELECT count(*) FROM (SELECT ${list} FROM "${b}"."${table}" EXCEPT ALL SELECT ${list} FROM "${a}"."${table}") d)::int AS "onlyInB"`,
      );
      result.push({ table, ...row });
    }
    return result;
  }
}

export interface RebuildRun {
  runId: string;
  status: string;
  phase: string;
  eventsApplied: number;
  topics: { topic: string; offsetsRead: number; endOffsets: number; caughtUp: boolean }[];
  error: string | null;
}
