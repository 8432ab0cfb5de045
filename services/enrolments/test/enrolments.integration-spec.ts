import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DEMO_ACCOUNTS, DEMO_IDS } from '@napl/auth';
import { CatalogueEvents, Sector } from '@napl/contracts';
import {
  amsterdamTimestamp,
  describePlatformConformance,
  EventPublisher,
  isoDateInDays,
  waitUntilConsumed,
  type TenantFixture,
  type TestService,
} from '@napl/testing';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';
import { HAGUE_SCHOOL, registerSchools, UTRECHT_SCHOOL } from './support/test-schools';

describePlatformConformance({
  description: ENROLMENTS_SERVICE,
  configClass: EnrolmentsConfig,
  module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
  tenantFixture: anneAtHanze,
});

/**
 * Tenant A: docent Anne (school 12AB00) enrolled in a run of Hanze that has ended, so attendance and results can
 * be recorded. Bram, Windesheim and a school leader elsewhere are the other tenants.
 */
async function anneAtHanze(running: TestService<EnrolmentsConfig>): Promise<TenantFixture> {
  await registerSchools(running, UTRECHT_SCHOOL, HAGUE_SCHOOL);
  const offerId = randomUUID();
  const runId = randomUUID();
  const run = (startDate: string, endDate: string, deadlineDate: string) => ({
    run: {
      runId,
      offerId,
      offerVersion: 1,
      providerId: DEMO_IDS.providerHanze,
      startDate,
      endDate,
      enrolmentDeadline: timestampFromDate(new Date(amsterdamTimestamp(deadlineDate))),
      capacity: 10,
      priceCents: 45_000n,
      online: false,
      location: 'Utrecht',
      sessionCount: 2,
    },
  });
  const publisher = await EventPublisher.connect(running.config.kafkaBrokers, running.config.KAFKA_TOPIC_PREFIX);
  const anne = async () => `Bearer ${await running.tokenFor('docent-anne')}`;
  let enrolmentId: string;
  try {
    await publisher.publish(CatalogueEvents.OfferPublished, offerId, {
      offer: { offerId, version: 1, providerId: DEMO_IDS.providerHanze, title: 'Formatief evalueren', sectors: [Sector.PO], priceCents: 45_000n, teamProgramme: false },
    });
    await waitUntilConsumed(running, await publisher.publish(CatalogueEvents.RunScheduled, runId, run(isoDateInDays(60), isoDateInDays(90), isoDateInDays(30))));
    await running.http().put('/v1/teachers/me').set('Authorization', await anne()).send({ sector: 'po' }).expect(201);
    enrolmentId = (await running.http().post(`/v1/runs/${runId}/enrolments`).set('Authorization', await anne()).expect(201)).body.enrolmentId;
    // The run has ended since: attendance and results may be recorded.
    await waitUntilConsumed(running, await publisher.publish(CatalogueEvents.RunChanged, runId, run(isoDateInDays(-30), isoDateInDays(-1), isoDateInDays(-40))));
  } finally {
    await publisher.close();
  }

  return {
    pathParams: { runId, enrolmentId, teacherId: DEMO_IDS.teacherAnne, schoolId: UTRECHT_SCHOOL.schoolId },
    bodies: {
      'PUT /v1/teachers/me': { sector: 'po', schoolId: UTRECHT_SCHOOL.schoolId, name: 'Anne de Vries', email: 'anne.devries@example.nl' },
      'POST /v1/runs/{runId}/team-enrolments': { teacherIds: [DEMO_IDS.teacherAnne] },
      'PUT /v1/enrolments/{enrolmentId}/attendance': { session: 1, attended: true },
      // Free text that must stay in this service: the topic scan looks for the name and address on Kafka.
      'PUT /v1/enrolments/{enrolmentId}/result': { outcome: 'not-completed', reasonCode: 'OTHER', reason: 'Anne de Vries belde af (anne.devries@example.nl).' },
      'PUT /v1/schools/{schoolId}': { name: UTRECHT_SCHOOL.name, regionId: UTRECHT_SCHOOL.regionId, regionName: UTRECHT_SCHOOL.regionName },
    },
    shared: {
      'GET /v1/runs/{runId}': 'a run of a published offer is public',
    },
    own: { teacher: DEMO_ACCOUNTS['docent-anne'] },
    privateIds: [enrolmentId],
  };
}
