import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DEMO_IDS } from '@napl/auth';
import { QualityEvents } from '@napl/contracts';
import { daysFromNow, describePlatformConformance, eventually, EventPublisher, type TenantFixture, type TestService } from '@napl/testing';
import { CatalogueConfig } from '../src/catalogue.config';
import { CATALOGUE_SERVICE } from '../src/catalogue.description';
import { CatalogueModule } from '../src/catalogue.module';
import { clientOf, offerContent, runPlan } from './catalogue-harness';

describePlatformConformance({
  description: CATALOGUE_SERVICE,
  configClass: CatalogueConfig,
  module: (config, auth) => CatalogueModule.forRoot(config, auth),
  tenantFixture: hanzeTenant,
});

/** Tenant A is Hanze: a published offer with a scheduled run, and a draft no one else may see. */
async function hanzeTenant(running: TestService<CatalogueConfig>): Promise<TenantFixture> {
  const admin = await clientOf(running, 'beheerder');
  const providers = [
    { providerId: DEMO_IDS.providerHanze, name: 'Hanzehogeschool Groningen', kvkNumber: '01131140', contactEmail: 'nascholing@hanze.example' },
    { providerId: DEMO_IDS.providerWindesheim, name: 'Hogeschool Windesheim', kvkNumber: '05069364', contactEmail: 'academie@windesheim.example' },
  ];
  for (const provider of providers) await admin.post('/v1/providers', provider).expect(201);

  const hanze = await clientOf(running, 'opleider-hanze');
  const offerId: string = (await hanze.post('/v1/offers', offerContent()).expect(201)).body.offerId;
  await hanze.post(`/v1/offers/${offerId}/submit`).expect(200);
  const publisher = await EventPublisher.connect(running.config.kafkaBrokers, running.config.KAFKA_TOPIC_PREFIX);
  try {
    await publisher.publish(QualityEvents.OfferApproved, offerId, {
      assessmentId: randomUUID(),
      offerId,
      offerVersion: 1,
      providerId: DEMO_IDS.providerHanze,
      markId: randomUUID(),
      frameworkVersion: 1,
      validUntil: timestampFromDate(daysFromNow(3 * 365)),
      decidedAt: timestampFromDate(new Date()),
    });
  } finally {
    await publisher.close();
  }
  await eventually(async () => ((await hanze.get(`/v1/offers/${offerId}`)).body.status === 'published' ? true : undefined), 15_000, 'the offer published');
  const runId: string = (await hanze.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(201)).body.runId;
  const draftId: string = (await hanze.post('/v1/offers', offerContent({ title: 'Concept van Hanze' })).expect(201)).body.offerId;

  return {
    pathParams: { offerId, runId, providerId: DEMO_IDS.providerHanze, version: '1' },
    bodies: {
      'POST /v1/offers': offerContent(),
      'PUT /v1/offers/{offerId}': offerContent(),
      'POST /v1/offers/{offerId}/runs': runPlan(),
      'PUT /v1/runs/{runId}': runPlan(),
      'PATCH /v1/runs/{runId}': { capacity: 20 },
    },
    shared: {
      'GET /v1/offers/{offerId}': 'a published offer is public',
      'GET /v1/offers/{offerId}/runs': 'the runs of a published offer are public',
      'GET /v1/offers/{offerId}/versions': 'everyone sees the published versions',
      'GET /v1/offers/{offerId}/versions/{version}': 'a published version is public',
      'GET /v1/runs/{runId}': 'a run of a published offer is public',
      'GET /v1/providers/{providerId}': 'the provider register is public',
    },
    privateIds: [draftId],
  };
}
