import { randomUUID } from 'node:crypto';
import type { MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, TOPICS, type EventContract } from '@napl/contracts';
import { EventPublisher, eventually, startTestService, TopicProbe, waitUntilConsumed, type TestService } from '@napl/testing';
import { QualityConfig } from '../src/quality.config';
import { QUALITY_SERVICE } from '../src/quality.description';
import { QualityModule } from '../src/quality.module';

export const FRAMEWORK_V1_CODES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
export const REQUIRED_V1 = ['K1', 'K2', 'K3', 'K6', 'K7'];

/**
 * The quality service under test plus the other services' side of Kafka: a raw producer that writes catalogue and
 * enrolments events exactly as their outbox relays do, and probes on the topics quality publishes to.
 */
export class QualityHarness {
  private constructor(
    readonly service: TestService<QualityConfig>,
    private readonly publisher: EventPublisher,
    readonly assessmentTopic: TopicProbe,
    readonly markTopic: TopicProbe,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<QualityHarness> {
    const service = await startTestService({
      description: QUALITY_SERVICE,
      configClass: QualityConfig,
      module: (config, auth) => QualityModule.forRoot(config, auth),
      env,
    });
    const prefix = service.config.KAFKA_TOPIC_PREFIX;
    const publisher = await EventPublisher.connect(service.config.kafkaBrokers, prefix);
    const assessmentTopic = await TopicProbe.on(prefix + TOPICS.qualityAssessment.name);
    const markTopic = await TopicProbe.on(prefix + TOPICS.qualityMark.name);
    return new QualityHarness(service, publisher, assessmentTopic, markTopic);
  }

  async close(): Promise<void> {
    await this.assessmentTopic?.close();
    await this.markTopic?.close();
    await this.publisher?.close();
    await this.service?.close();
  }

  /** Publishes an event as another service would; returns its event id. */
  async send<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>): Promise<string> {
    return this.publisher.publish(contract, key, payload);
  }

  /**
   * The catalogue submits an offer version; resolves, once quality has consumed the submission, with the open
   * assessment case of that version (a new one, or the one a repeated submission joined).
   */
  async submitOffer(offer: { offerId: string; version: number; providerId: string; title?: string }): Promise<{ id: string; frameworkVersion: number }> {
    const eventId = await this.send(CatalogueEvents.OfferSubmitted, offer.offerId, {
      offer: { offerId: offer.offerId, version: offer.version, providerId: offer.providerId, title: offer.title ?? 'Didactiek van het lezen' },
    });
    await waitUntilConsumed(this.service, eventId);
    return eventually(async () => {
      const response = await this.as('beoordelaar-1').get(`/v1/assessments?offerId=${offer.offerId}`);
      return (response.body.items as { id: string; offerVersion: number; frameworkVersion: number; status: string }[]).find(
        (assessment) => assessment.offerVersion === offer.version && assessment.status === 'open',
      );
    }, 15_000, `the assessment of ${offer.offerId} v${offer.version}`);
  }

  async completeEnrolment(enrolment: { enrolmentId?: string; teacherId: string; offerId: string; offerVersion: number; providerId: string }): Promise<string> {
    const enrolmentId = enrolment.enrolmentId ?? randomUUID();
    await this.send(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, {
      enrolment: { ...enrolment, enrolmentId, runId: randomUUID() },
      sessionsAttended: 6,
    });
    return enrolmentId;
  }

  /** supertest with a demo account's (or any principal's) bearer token. */
  as(account: string | Principal): AuthorisedRequests {
    const bearer = async (): Promise<string> => `Bearer ${await this.service.tokenFor(account as never)}`;
    return {
      get: async (path) => this.service.http().get(path).set('Authorization', await bearer()),
      post: async (path, body) => this.service.http().post(path).set('Authorization', await bearer()).send(body as object),
      del: async (path) => this.service.http().delete(path).set('Authorization', await bearer()),
    };
  }

  async scoreAll(assessmentId: string, unmet: string[] = [], account: string | Principal = 'beoordelaar-1'): Promise<void> {
    // Every criterion of the case's own framework version (a later version may have more).
    const detail = await this.as(account).get(`/v1/assessments/${assessmentId}`);
    const codes = (detail.body.criteria as { code: string }[]).map((criterion) => criterion.code);
    const scores = codes.map((criterionCode) => ({
      criterionCode,
      met: !unmet.includes(criterionCode),
      justification: unmet.includes(criterionCode) ? `${criterionCode}: onvoldoende onderbouwd` : `${criterionCode}: aangetoond`,
    }));
    const response = await this.as(account).post(`/v1/assessments/${assessmentId}/scores`, { scores });
    expect(response.status).toBe(200);
  }

  /** The events of one type and key on a probed topic, decoded. */
  events<C extends EventContract>(probe: TopicProbe, contract: C, key: string): MessageShape<C['schema']>[] {
    return probe.eventsOf(contract, key);
  }

  async eventOf<C extends EventContract>(probe: TopicProbe, contract: C, key: string, count = 1): Promise<MessageShape<C['schema']>[]> {
    return eventually(async () => {
      const found = this.events(probe, contract, key);
      return found.length >= count ? found : undefined;
    }, 15_000, `${count} ${contract.type} for ${key}`);
  }
}

export interface AuthorisedRequests {
  get(path: string): Promise<import('supertest').Response>;
  post(path: string, body: unknown): Promise<import('supertest').Response>;
  del(path: string): Promise<import('supertest').Response>;
}
