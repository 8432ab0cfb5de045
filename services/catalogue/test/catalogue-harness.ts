import { randomUUID } from 'node:crypto';
import type { MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Test } from 'supertest';
import { DEMO_ACCOUNTS, DEMO_IDS } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, QualityEvents, type EventContract } from '@napl/contracts';
import {
  amsterdamTimestamp,
  daysFromNow,
  EventPublisher,
  eventually,
  isoDateInDays,
  startTestService,
  TopicProbe,
  type TestService,
} from '@napl/testing';
import { CatalogueConfig } from '../src/catalogue.config';
import { CATALOGUE_SERVICE } from '../src/catalogue.description';
import { CatalogueModule } from '../src/catalogue.module';

export type Account = keyof typeof DEMO_ACCOUNTS;

/** A running catalogue, a producer standing in for the quality service, and probes on the catalogue's topics. */
export class CatalogueHarness {
  private constructor(
    readonly service: TestService<CatalogueConfig>,
    private readonly publisher: EventPublisher,
    readonly offerEvents: TopicProbe,
    readonly runEvents: TopicProbe,
  ) {}

  static async start(): Promise<CatalogueHarness> {
    const service = await startCatalogue();
    const prefix = service.config.KAFKA_TOPIC_PREFIX;
    return new CatalogueHarness(
      service,
      await EventPublisher.connect(service.config.kafkaBrokers, prefix),
      await TopicProbe.on(prefix + CatalogueEvents.OfferSubmitted.topic.name),
      await TopicProbe.on(prefix + CatalogueEvents.RunScheduled.topic.name),
    );
  }

  async close(): Promise<void> {
    await this.offerEvents.close();
    await this.runEvents.close();
    await this.publisher.close();
    await this.service.close();
  }

  as(account: Account) {
    return clientOf(this.service, account);
  }

  /**
   * Publishes an event the way another service's outbox would (here mostly quality's): protobuf with the envelope in
   * headers. Returns its event id, for `waitUntilConsumed`.
   */
  async publishQuality<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>): Promise<string> {
    return this.publisher.publish(contract, key, payload);
  }

  /** Publishes an enrolments event for a run, the way the enrolments service would (keyed by enrolment id). */
  async publishEnrolment(
    contract: typeof EnrolmentsEvents.EnrolmentConfirmed | typeof EnrolmentsEvents.EnrolmentPromoted | typeof EnrolmentsEvents.EnrolmentCancelled,
    enrolmentId: string,
    run: { runId: string; offerId: string },
    extra: Record<string, unknown> = {},
    key = enrolmentId,
  ): Promise<void> {
    const enrolment = { enrolmentId, teacherId: randomUUID(), runId: run.runId, offerId: run.offerId, offerVersion: 1, providerId: DEMO_IDS.providerHanze };
    await this.publishQuality(contract as EventContract, key, { enrolment, ...extra } as never);
  }

  /** Quality approves an offer version; returns the mark and the id of the OfferApproved event. */
  async approve(offerId: string, offerVersion: number, markId = randomUUID()): Promise<{ markId: string; eventId: string }> {
    const eventId = await this.publishQuality(QualityEvents.OfferApproved, offerId, {
      assessmentId: randomUUID(),
      offerId,
      offerVersion,
      providerId: DEMO_IDS.providerHanze,
      markId,
      frameworkVersion: 1,
      validUntil: timestampFromDate(daysFromNow(3 * 365)),
      decidedAt: timestampFromDate(new Date()),
    });
    return { markId, eventId };
  }

  /** Creates, submits and gets approved an offer; returns its id and the quality mark. */
  async publishedOffer(account: Account = 'opleider-hanze', overrides: Record<string, unknown> = {}): Promise<{ offerId: string; markId: string }> {
    const client = await this.as(account);
    const { body } = await client.post('/v1/offers', offerContent(overrides)).expect(201);
    await client.post(`/v1/offers/${body.offerId}/submit`).expect(200);
    const { markId } = await this.approve(body.offerId, 1);
    await this.waitForStatus(body.offerId, 'published', account);
    return { offerId: body.offerId, markId };
  }

  async waitForStatus(offerId: string, status: string, account: Account = 'opleider-hanze', version?: number): Promise<Record<string, unknown>> {
    const client = await this.as(account);
    return eventually(
      async () => {
        const { body } = await client.get(`/v1/offers/${offerId}`);
        return body.status === status && (version === undefined || body.publishedVersion === version) ? body : undefined;
      },
      15_000,
      `offer ${offerId} to be ${status}`,
    );
  }

  /** The catalogue events of one type for a key, decoded. */
  eventsOf<C extends EventContract>(contract: C, key: string, probe = this.offerEvents): MessageShape<C['schema']>[] {
    return probe.eventsOf(contract, key);
  }

  async eventOf<C extends EventContract>(contract: C, key: string, probe = this.offerEvents): Promise<MessageShape<C['schema']>> {
    return eventually(async () => this.eventsOf(contract, key, probe)[0], 15_000, `${contract.type} for ${key}`);
  }
}

/**
 * The catalogue alone, with the demo providers registered: for tests that need no quality events or probes
 * (closing a probe waits for its Kafka fetch). `env` overrides settings.
 */
export async function startCatalogue(env?: Record<string, string>): Promise<TestService<CatalogueConfig>> {
  const service = await startTestService({
    description: CATALOGUE_SERVICE,
    configClass: CatalogueConfig,
    module: (config, auth) => CatalogueModule.forRoot(config, auth),
    env,
  });
  const admin = await clientOf(service, 'beheerder');
  await admin
    .post('/v1/providers', { providerId: DEMO_IDS.providerHanze, name: 'Hanzehogeschool Groningen', kvkNumber: '01131140', contactEmail: 'nascholing@hanze.example' })
    .expect(201);
  await admin
    .post('/v1/providers', { providerId: DEMO_IDS.providerWindesheim, name: 'Hogeschool Windesheim', kvkNumber: '05069364', contactEmail: 'academie@windesheim.example' })
    .expect(201);
  return service;
}

/** HTTP as a demo account. */
export async function clientOf(service: TestService<CatalogueConfig>, account: Account) {
  const token = await service.tokenFor(account);
  const auth = (test: Test): Test => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(service.http().get(path)),
    post: (path: string, body?: object) => auth(service.http().post(path)).send(body),
    put: (path: string, body: object) => auth(service.http().put(path)).send(body),
    /** A JSON merge patch (RFC 7396). */
    patch: (path: string, body: object) => auth(service.http().patch(path)).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify(body)),
    delete: (path: string) => auth(service.http().delete(path)),
  };
}

export function offerContent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Formatief evalueren in de rekenles',
    summary: 'Leer hoe je met formatief evalueren leerlingen verder helpt in de rekenles.',
    description:
      'In vier bijeenkomsten werk je met leerdoelen, succescriteria en feedback. Tussen de bijeenkomsten pas je het toe in je eigen klas en bespreek je dit met collega’s.',
    sectors: ['po'],
    format: 'training',
    deliveryMode: 'blended',
    studyLoadHours: 16,
    priceCents: 39_500,
    priceCovers: 'Materiaal en koffie',
    regionIds: ['utrecht-stad'],
    national: false,
    language: 'nl',
    learningOutcomes: ['Je formuleert leerdoelen en succescriteria met je leerlingen'],
    pathStepCodes: ['SV-2'],
    teamProgramme: false,
    minGroupSize: 6,
    maxGroupSize: 16,
    ...overrides,
  };
}

/** A run some months ahead: two sessions six weeks apart, enrolment closing two weeks before the start. */
export function runPlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const [start, end] = [isoDateInDays(90), isoDateInDays(132)];
  return {
    startDate: start,
    endDate: end,
    sessions: [
      { date: start, startTime: '15:30', endTime: '18:00' },
      { date: end, startTime: '15:30', endTime: '18:00' },
    ],
    online: false,
    location: 'Utrecht, Jaarbeursplein 1',
    capacity: 16,
    enrolmentDeadline: amsterdamTimestamp(isoDateInDays(76)),
    ...overrides,
  };
}

/** A run of one day (YYYY-MM-DD), 09:00 to 16:00. */
export function oneDayRun(date: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return runPlan({ startDate: date, endDate: date, sessions: [{ date, startTime: '09:00', endTime: '16:00' }], ...overrides });
}
