import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents } from '@napl/contracts';
import { describePlatformConformance, eventually, EventPublisher, waitUntilConsumed, type TenantFixture, type TestService } from '@napl/testing';
import { QualityConfig } from '../src/quality.config';
import { QUALITY_SERVICE } from '../src/quality.description';
import { QualityModule } from '../src/quality.module';

describePlatformConformance({
  description: QUALITY_SERVICE,
  configClass: QualityConfig,
  module: (config, auth) => QualityModule.forRoot(config, auth),
  tenantFixture: hanzeTenant,
});

/**
 * Tenant A is Hanze: an open assessment case, an approved offer with its quality mark, and Anne's completed
 * enrolment in it waiting for her evaluation; an assessor linked to Hanze.
 */
async function hanzeTenant(running: TestService<QualityConfig>): Promise<TenantFixture> {
  const as = async (account: string) => `Bearer ${await running.tokenFor(account as never)}`;
  const publisher = await EventPublisher.connect(running.config.kafkaBrokers, running.config.KAFKA_TOPIC_PREFIX);
  const submit = async (offerId: string): Promise<string> => {
    const offer = { offerId, version: 1, providerId: DEMO_IDS.providerHanze, title: 'Didactiek van het lezen' };
    await waitUntilConsumed(running, await publisher.publish(CatalogueEvents.OfferSubmitted, offerId, { offer }));
    return eventually(async () => {
      const { body } = await running.http().get(`/v1/assessments?offerId=${offerId}`).set('Authorization', await as('beoordelaar-1'));
      // A page of cases, or a bare list.
      return ((body.items ?? body) as { id: string }[])[0]?.id;
    }, 15_000, 'the assessment');
  };
  const [openOfferId, approvedOfferId, enrolmentId] = [randomUUID(), randomUUID(), randomUUID()];
  let assessmentId: string;
  let markId: string;
  try {
    assessmentId = await submit(openOfferId);
    const approvedCase = await submit(approvedOfferId);
    const detail = await running.http().get(`/v1/assessments/${approvedCase}`).set('Authorization', await as('beoordelaar-1')).expect(200);
    const scores = (detail.body.criteria as { code: string }[]).map(({ code }) => ({ criterionCode: code, met: true, justification: `${code}: aangetoond` }));
    await running.http().post(`/v1/assessments/${approvedCase}/scores`).set('Authorization', await as('beoordelaar-1')).send({ scores }).expect(200);
    const decision = await running
      .http()
      .post(`/v1/assessments/${approvedCase}/decision`)
      .set('Authorization', await as('beoordelaar-1'))
      .send({ outcome: 'approved', summary: 'Voldoet.' })
      .expect(200);
    markId = decision.body.markId;
    const enrolment = { enrolmentId, teacherId: DEMO_IDS.teacherAnne, runId: randomUUID(), offerId: approvedOfferId, offerVersion: 1, providerId: DEMO_IDS.providerHanze };
    await waitUntilConsumed(running, await publisher.publish(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, { enrolment, sessionsAttended: 6 }));
  } finally {
    await publisher.close();
  }
  await running
    .http()
    .post('/v1/assessor-links')
    .set('Authorization', await as('beheerder'))
    .send({ assessorSubject: 'demo-beoordelaar-2', providerId: DEMO_IDS.providerHanze, description: 'adviseur' })
    .expect(201);

  return {
    pathParams: { assessmentId, markId, offerId: approvedOfferId, version: '1', assessorSubject: 'demo-beoordelaar-2', providerId: DEMO_IDS.providerHanze },
    bodies: {
      'POST /v1/assessments/{assessmentId}/scores': { scores: [{ criterionCode: 'K1', met: true, justification: 'K1: aangetoond' }] },
      'POST /v1/assessments/{assessmentId}/decision': { outcome: 'approved', summary: 'Voldoet.' },
      'POST /v1/assessments/{assessmentId}/confirmation': { agree: true },
      'POST /v1/assessor-links': { assessorSubject: 'demo-beoordelaar-1', providerId: DEMO_IDS.providerWindesheim, description: 'in dienst' },
      'POST /v1/evaluations': { enrolmentId, relevance: 4, teachingEffect: 4, trainerQuality: 4, wouldRecommend: 4, comment: 'Bruikbaar in mijn klas.' },
      'POST /v1/marks/{markId}/conditions-fulfilment': { justification: 'De klachtenregeling staat op de website.' },
      'POST /v1/marks/{markId}/revocation': { reason: 'Klachten over de uitvoering bevestigd.' },
    },
    bodyAddressed: ['POST /v1/evaluations'],
    shared: {
      'GET /v1/frameworks/{version}': 'the quality framework is public',
      'GET /v1/marks/{markId}': 'a quality mark is public (teachers search on it); its conditions are not (GET /v1/marks/{markId}/conditions)',
    },
    privateIds: [assessmentId, enrolmentId],
  };
}
