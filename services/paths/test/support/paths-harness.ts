import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, QualityEvents, Sector } from '@napl/contracts';
import { daysFromNow, EventFedService, isoDateInDays, waitUntilConsumed, type PublishOptions } from '@napl/testing';
import { PathsConfig } from '../../src/paths.config';
import { PATHS_SERVICE } from '../../src/paths.description';
import { PathsModule } from '../../src/paths.module';

/** The two paths the service is born with (migration 1796300000100). */
export const STARTBEKWAAM_VAKBEKWAAM = '33333333-3333-4333-8333-000000000001';
export const CURRICULUMONTWIKKELAAR = '33333333-3333-4333-8333-000000000002';

export interface OfferSpec {
  readonly stepCodes: string[];
  readonly hours: number;
  readonly format?: string;
  readonly regionIds?: string[];
  readonly sectors?: Sector[];
}

export interface TestTeacher {
  readonly teacherId: string;
  readonly token: string;
  readonly principal: Principal;
}

/**
 * The paths service against the real Postgres and Kafka, fed the way it is in use: the catalogue's, quality's and
 * enrolments' events on Kafka, published as their outbox relays do, consumed by the service's idempotent consumer.
 */
export class PathsHarness extends EventFedService<PathsConfig> {
  static async start(name: string): Promise<PathsHarness> {
    return new PathsHarness(await EventFedService.boot({ description: PATHS_SERVICE, configClass: PathsConfig, module: (config, auth) => PathsModule.forRoot(config, auth) }, name));
  }

  async newTeacher(schoolId = '12AB00'): Promise<TestTeacher> {
    const teacherId = randomUUID();
    const principal: Principal = { subject: `test-teacher-${teacherId}`, roles: ['teacher'], teacherId, schoolId };
    return { teacherId, token: await this.tokenFor(principal), principal };
  }

  /** The catalogue publishes an offer serving `stepCodes`, and quality has approved it (a mark valid for a year). */
  async publishApprovedOffer(spec: OfferSpec, mark: { validUntil?: Date } = {}): Promise<{ offerId: string; markId: string }> {
    const offerId = randomUUID();
    const markId = randomUUID();
    await this.deliver(QualityEvents.OfferApproved, offerId, {
      assessmentId: randomUUID(),
      offerId,
      offerVersion: 1,
      providerId: randomUUID(),
      markId,
      validUntil: timestampFromDate(mark.validUntil ?? daysFromNow(365)),
      decidedAt: timestampFromDate(new Date()),
    });
    await this.deliver(CatalogueEvents.OfferPublished, offerId, { offer: this.snapshot(offerId, 1, spec), publishedAt: timestampFromDate(new Date()), revision: 2n });
    return { offerId, markId };
  }

  snapshot(offerId: string, version: number, spec: OfferSpec) {
    return {
      offerId,
      version,
      providerId: randomUUID(),
      title: `Aanbod voor ${spec.stepCodes.join(', ')}`,
      sectors: spec.sectors ?? [Sector.PO, Sector.VO, Sector.MBO],
      priceCents: 45_000n,
      studyLoadHours: spec.hours,
      pathStepCodes: spec.stepCodes,
      regionIds: spec.regionIds ?? [],
      teamProgramme: false,
      ...(spec.format ? { format: spec.format } : {}),
    };
  }

  async scheduleRun(offerId: string, run: { capacity: number; online?: boolean; startInDays?: number }): Promise<string> {
    const runId = randomUUID();
    await this.deliver(CatalogueEvents.RunScheduled, runId, {
      run: {
        runId,
        offerId,
        offerVersion: 1,
        startDate: isoDateInDays(run.startInDays ?? 30),
        endDate: isoDateInDays((run.startInDays ?? 30) + 60),
        capacity: run.capacity,
        online: run.online ?? false,
        sessionCount: 4,
      },
      revision: 1n,
    });
    return runId;
  }

  /** Enrolments: the teacher completed a run of the offer. Returns the event id. */
  async complete(teacher: TestTeacher, offerId: string, options: PublishOptions & { enrolmentId?: string } = {}): Promise<{ eventId: string; enrolmentId: string }> {
    const enrolmentId = options.enrolmentId ?? randomUUID();
    const eventId = await this.events.publish(
      EnrolmentsEvents.EnrolmentCompleted,
      enrolmentId,
      {
        enrolment: { enrolmentId, teacherId: teacher.teacherId, runId: randomUUID(), offerId, offerVersion: 1, providerId: randomUUID(), sector: Sector.PO },
        sessionsAttended: 4,
        completedAt: timestampFromDate(new Date()),
      },
      options,
    );
    return { eventId, enrolmentId };
  }

  async completeAndWait(teacher: TestTeacher, offerId: string): Promise<string> {
    const { eventId, enrolmentId } = await this.complete(teacher, offerId);
    await waitUntilConsumed(this.service, eventId);
    return enrolmentId;
  }

  async startPath(teacher: TestTeacher, pathId = STARTBEKWAAM_VAKBEKWAAM, sector = 'po'): Promise<{ teacherPathId: string; version: number }> {
    const response = await this.http().post('/v1/teacher-paths').set('Authorization', `Bearer ${teacher.token}`).send({ pathId, sector }).expect(201);
    return response.body;
  }

  async progress(teacher: TestTeacher, teacherPathId: string) {
    return (await this.http().get(`/v1/teacher-paths/${teacherPathId}`).set('Authorization', `Bearer ${teacher.token}`).expect(200)).body as {
      version: number;
      completedSteps: number;
      completedAt: string | null;
      steps: { code: string; status: string; completedBy: string | null; hoursCounted: number }[];
    };
  }
}
