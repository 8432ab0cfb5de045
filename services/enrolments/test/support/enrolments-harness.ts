import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, Sector, type EventContract } from '@napl/contracts';
import { createKafka, OutboxMessageEntity, OutboxRelay, publishInTransaction } from '@napl/messaging';
import {
  amsterdamTimestamp,
  dropTestDatabase,
  eventually,
  isoDateInDays,
  MESSAGING_TEST_MIGRATIONS,
  newTestDatabaseUrl,
  newTopicPrefix,
  openServiceDataSource,
  startTestService,
  testInfraFromEnv,
  type TestService,
} from '@napl/testing';
import { EnrolmentsConfig } from '../../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../../src/enrolments.description';
import { EnrolmentsModule } from '../../src/enrolments.module';
import { KnownOfferEntity } from '../../src/offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../../src/runs/infrastructure/known-run.entity';
import { registerSchools, type TestSchool } from './test-schools';

/** The catalogue side: its own schema's outbox and relay, exactly as the catalogue service publishes. */

export interface RunSpec {
  capacity: number;
  providerId?: string;
  startDate?: string;
  endDate?: string;
  enrolmentDeadline?: Date | null;
  sessionCount?: number;
}

/**
 * The enrolments service against the real Postgres and Kafka, fed by a scratch catalogue outbox, so every test
 * goes through the same event flow as in use: catalogue outbox → relay → Kafka → idempotent consumer.
 */
export class EnrolmentsHarness {
  private constructor(
    readonly service: TestService<EnrolmentsConfig>,
    private readonly catalogueDb: DataSource,
    private readonly relay: OutboxRelay,
    readonly topicPrefix: string,
    private readonly databaseUrl: string,
  ) {}

  static async start(name: string): Promise<EnrolmentsHarness> {
    const topicPrefix = newTopicPrefix();
    const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), name);
    const service = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      databaseUrl,
      topicPrefix,
      env: { PARTICIPATION_SCHEDULER_INTERVAL_MS: '0' },
    });
    const catalogueDb = await openServiceDataSource('catalogue', databaseUrl, [], MESSAGING_TEST_MIGRATIONS);
    const kafka = createKafka({ clientId: 'test-catalogue', brokers: service.config.kafkaBrokers, topicPrefix, ...service.config.kafkaSecurity });
    const relay = new OutboxRelay(catalogueDb, kafka.producer(), { service: 'catalogue', topicPrefix, pollIntervalMs: 50 });
    relay.start();
    return new EnrolmentsHarness(service, catalogueDb, relay, topicPrefix, databaseUrl);
  }

  async close(): Promise<void> {
    await this.relay?.stop();
    await this.catalogueDb?.destroy();
    await this.service?.close();
    await dropTestDatabase(this.databaseUrl);
  }

  get db(): DataSource {
    return this.service.dataSource;
  }

  /** The catalogue publishes an offer (after quality approval); waits until this service has it. */
  async publishOffer(options: { teamProgramme?: boolean; providerId?: string } = {}): Promise<string> {
    const offerId: string = randomUUID();
    await this.catalogue(CatalogueEvents.OfferPublished, offerId, {
      offer: {
        offerId,
        version: 1,
        providerId: options.providerId ?? HANZE,
        title: 'Formatief evalueren in de klas',
        sectors: [Sector.PO, Sector.VO],
        priceCents: 45_000n,
        teamProgramme: options.teamProgramme ?? false,
      },
    });
    await eventually(() => this.db.getRepository(KnownOfferEntity).findOneBy({ offerId, status: 'published' }).then((o) => o ?? undefined), 15_000, 'the offer');
    return offerId;
  }

  /**
   * The catalogue schedules (or changes) a run of an offer; waits until this service has that version. Unless told
   * otherwise the run starts in two months, ends two months later, and takes enrolments for six weeks from today.
   */
  async scheduleRun(offerId: string, spec: RunSpec, runId: string = randomUUID(), change = false): Promise<string> {
    const run = {
      runId,
      offerId,
      offerVersion: 1,
      providerId: spec.providerId ?? HANZE,
      startDate: spec.startDate ?? isoDateInDays(60),
      endDate: spec.endDate ?? isoDateInDays(120),
      enrolmentDeadline:
        spec.enrolmentDeadline === null ? undefined : timestampFromDate(spec.enrolmentDeadline ?? new Date(amsterdamTimestamp(isoDateInDays(42)))),
      capacity: spec.capacity,
      priceCents: 45_000n,
      online: false,
      location: 'Utrecht',
      sessionCount: spec.sessionCount ?? 4,
    };
    await this.catalogue(change ? CatalogueEvents.RunChanged : CatalogueEvents.RunScheduled, runId, { run });
    await eventually(
      () => this.db.getRepository(KnownRunEntity).findOneBy({ runId, startDate: run.startDate, capacity: run.capacity }).then((r) => r ?? undefined),
      15_000,
      'the run',
    );
    return runId;
  }

  /** Moves a run's dates (RunChanged), e.g. into the past to test what happens once it has begun or ended. */
  async moveRun(offerId: string, runId: string, spec: RunSpec): Promise<void> {
    await this.scheduleRun(offerId, spec, runId, true);
  }

  async catalogue<C extends EventContract>(contract: C, key: string, payload: Parameters<typeof publishInTransaction<C>>[3]): Promise<void> {
    await this.catalogueDb.transaction((manager) => publishInTransaction(manager, contract, key, payload));
  }

  /**
   * Sends the catalogue's latest event for a key to Kafka again, same event id and all (as the relay does when it
   * crashed before marking it published); returns that event id.
   */
  async redeliverLatest(key: string): Promise<string> {
    const outbox = this.catalogueDb.getRepository(OutboxMessageEntity);
    const latest = await outbox.findOneOrFail({ where: { messageKey: key }, order: { position: 'DESC' } });
    await outbox.update({ position: latest.position }, { publishedAt: null });
    return latest.eventId;
  }

  /** Enters the schools a test's teachers work at (no migration seeds schools). */
  async registerSchools(...schools: TestSchool[]): Promise<void> {
    await registerSchools(this.service, ...schools);
  }

  /** A teacher of a school with a fresh pseudonymous id; registered (profile) unless told not to. The school must be registered. */
  async newTeacher(schoolId = '12AB00', options: { register?: boolean; name?: string; email?: string } = {}): Promise<Teacher> {
    const principal: Principal = { subject: `test-${randomUUID()}`, roles: ['teacher'], teacherId: randomUUID(), schoolId };
    const token = await this.service.tokenFor(principal);
    if (options.register !== false) {
      await this.service
        .http()
        .put('/v1/teachers/me')
        .set('Authorization', `Bearer ${token}`)
        .send({ sector: 'po', name: options.name, email: options.email })
        .expect(201);
    }
    return { teacherId: principal.teacherId!, token, principal };
  }

  async token(principal: Parameters<TestService<EnrolmentsConfig>['tokenFor']>[0]): Promise<string> {
    return this.service.tokenFor(principal);
  }

  enrol(teacher: Teacher, runId: string, idempotencyKey?: string) {
    const request = this.service.http().post(`/v1/runs/${runId}/enrolments`).set('Authorization', `Bearer ${teacher.token}`);
    return idempotencyKey ? request.set('Idempotency-Key', idempotencyKey) : request;
  }
}

export interface Teacher {
  teacherId: string;
  token: string;
  principal: Principal;
}

export const HANZE = '11111111-1111-4111-8111-000000000001';

