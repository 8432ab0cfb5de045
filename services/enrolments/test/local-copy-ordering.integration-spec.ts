import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, Sector, type EventContract } from '@napl/contracts';
import { amsterdamTimestamp, EventPublisher, isoDateInDays, waitUntilConsumed } from '@napl/testing';
import { KnownOfferEntity } from '../src/offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../src/runs/infrastructure/known-run.entity';
import { EnrolmentsHarness, HANZE } from './support/enrolments-harness';

/**
 * Stands in for catalogue instances whose clocks need not agree: publishes an event as the catalogue's relay would
 * (protobuf payload, envelope in the headers, key = aggregate id), with the event time (`napl-occurred-at`) the
 * test chooses. Events of one key go to one partition, so they arrive in the order sent here.
 */
class CatalogueInstances {
  private constructor(
    private readonly publisher: EventPublisher,
    private readonly consumer: EnrolmentsHarness,
  ) {}

  static async connect(harness: EnrolmentsHarness): Promise<CatalogueInstances> {
    return new CatalogueInstances(await EventPublisher.connect(harness.service.config.kafkaBrokers, harness.topicPrefix), harness);
  }

  /** Publishes the event stamped `occurredAt` and waits until the enrolments service has consumed it. */
  async publish<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>, occurredAt: Date): Promise<void> {
    await waitUntilConsumed(this.consumer.service, await this.publisher.publish(contract, key, payload, { occurredAt }));
  }

  async close(): Promise<void> {
    await this.publisher.close();
  }
}

/** Event times around a moment a minute ago; `at(-5)` is five seconds earlier. */
const MOMENT = Date.now() - 60_000;
const at = (seconds: number): Date => new Date(MOMENT + seconds * 1000);

function runSnapshot(runId: string, offerId: string, capacity: number) {
  return {
    runId,
    offerId,
    offerVersion: 1,
    providerId: HANZE,
    startDate: isoDateInDays(60),
    endDate: isoDateInDays(120),
    enrolmentDeadline: timestampFromDate(new Date(amsterdamTimestamp(isoDateInDays(42)))),
    capacity,
    priceCents: 45_000n,
    online: false,
    location: 'Utrecht',
    sessionCount: 4,
  };
}

function offerSnapshot(offerId: string, title: string) {
  return { offerId, version: 1, providerId: HANZE, title, sectors: [Sector.PO], priceCents: 45_000n, teamProgramme: false };
}

describe('local copies of catalogue runs and offers follow the catalogue revision, not the event time', () => {
  let harness: EnrolmentsHarness;
  let catalogue: CatalogueInstances;

  beforeAll(async () => {
    harness = await EnrolmentsHarness.start('ordering');
    catalogue = await CatalogueInstances.connect(harness);
  }, 60_000);

  afterAll(async () => {
    await catalogue?.close();
    await harness?.close();
  });

  const knownRun = (runId: string) => harness.db.getRepository(KnownRunEntity).findOneByOrFail({ runId });
  const knownOffer = (offerId: string) => harness.db.getRepository(KnownOfferEntity).findOneByOrFail({ offerId });

  describe('known_run', () => {
    it('applies two changes of one run stamped with the same millisecond in the order of their revisions', async () => {
      const [runId, offerId] = [randomUUID(), randomUUID()];
      await catalogue.publish(CatalogueEvents.RunScheduled, runId, { run: runSnapshot(runId, offerId, 10), revision: 1n }, at(0));
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 20), revision: 2n }, at(0));

      expect(await knownRun(runId)).toMatchObject({ capacity: 20, sourceRevision: '2', status: 'scheduled' });
    });

    it('takes a change from an instance whose clock is behind, and drops an older revision that comes late', async () => {
      const [runId, offerId] = [randomUUID(), randomUUID()];
      await catalogue.publish(CatalogueEvents.RunScheduled, runId, { run: runSnapshot(runId, offerId, 10), revision: 1n }, at(0));
      // Revision 3 was written last, on an instance whose clock is 20 s behind; revision 2 arrives after it
      // (a replay, a relay that sent late), stamped with the same time as revision 1.
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 30), revision: 3n }, at(-20));
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 20), revision: 2n }, at(0));

      expect(await knownRun(runId)).toMatchObject({ capacity: 30, sourceRevision: '3' });
    });

    it('keeps a cancelled run cancelled when an older change comes after the cancellation', async () => {
      const [runId, offerId] = [randomUUID(), randomUUID()];
      await catalogue.publish(CatalogueEvents.RunScheduled, runId, { run: runSnapshot(runId, offerId, 10), revision: 1n }, at(0));
      await catalogue.publish(CatalogueEvents.RunCancelled, runId, { runId, offerId, reason: 'Te weinig aanmeldingen', revision: 3n }, at(-20));
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 20), revision: 2n }, at(10));

      expect(await knownRun(runId)).toMatchObject({ status: 'cancelled', capacity: 10, sourceRevision: '3' });
    });

    it('orders events without a revision (from before revisions) by their time, as before, also next to revised ones', async () => {
      const [runId, offerId] = [randomUUID(), randomUUID()];
      await catalogue.publish(CatalogueEvents.RunScheduled, runId, { run: runSnapshot(runId, offerId, 10) }, at(0));
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 5) }, at(-5));
      expect(await knownRun(runId)).toMatchObject({ capacity: 10, sourceRevision: '0' }); // older by time: dropped

      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 15) }, at(5));
      expect(await knownRun(runId)).toMatchObject({ capacity: 15, sourceRevision: '0' });
      // The first event with a revision, on a copy that knows none yet: by time.
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 16), revision: 1n }, at(10));
      expect(await knownRun(runId)).toMatchObject({ capacity: 16, sourceRevision: '1' });
      // An event without a revision after it (an instance not yet upgraded): by time; the copy keeps revision 1.
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 17) }, at(20));
      expect(await knownRun(runId)).toMatchObject({ capacity: 17, sourceRevision: '1' });
      // Both sides know a revision again: the revision decides, not the (earlier) time.
      await catalogue.publish(CatalogueEvents.RunChanged, runId, { run: runSnapshot(runId, offerId, 18), revision: 2n }, at(15));
      expect(await knownRun(runId)).toMatchObject({ capacity: 18, sourceRevision: '2' });
    });
  });

  describe('known_offer', () => {
    it('withdraws an offer whose withdrawal is stamped with the same millisecond as its publication', async () => {
      const offerId = randomUUID();
      await catalogue.publish(CatalogueEvents.OfferPublished, offerId, { offer: offerSnapshot(offerId, 'Rekenen'), revision: 1n }, at(0));
      await catalogue.publish(CatalogueEvents.OfferWithdrawn, offerId, { offerId, providerId: HANZE, reason: 'Vergissing', revision: 2n }, at(0));

      expect(await knownOffer(offerId)).toMatchObject({ status: 'withdrawn', sourceRevision: '2' });
    });

    it('takes a suspension from an instance whose clock is behind, and drops an older update that comes late', async () => {
      const offerId = randomUUID();
      await catalogue.publish(CatalogueEvents.OfferPublished, offerId, { offer: offerSnapshot(offerId, 'Rekenen'), revision: 1n }, at(0));
      await catalogue.publish(
        CatalogueEvents.OfferSuspended,
        offerId,
        { offerId, providerId: HANZE, version: 1, reason: 'Keurmerk verlopen', revision: 3n },
        at(-20),
      );
      await catalogue.publish(CatalogueEvents.OfferUpdated, offerId, { offer: offerSnapshot(offerId, 'Rekenen, herzien'), revision: 2n }, at(10));

      expect(await knownOffer(offerId)).toMatchObject({ status: 'suspended', title: 'Rekenen', sourceRevision: '3' });
    });

    it('publishes again an offer published anew in the same millisecond as its suspension', async () => {
      const offerId = randomUUID();
      await catalogue.publish(CatalogueEvents.OfferPublished, offerId, { offer: offerSnapshot(offerId, 'Rekenen'), revision: 1n }, at(0));
      await catalogue.publish(CatalogueEvents.OfferSuspended, offerId, { offerId, providerId: HANZE, version: 1, revision: 2n }, at(5));
      await catalogue.publish(CatalogueEvents.OfferPublished, offerId, { offer: offerSnapshot(offerId, 'Rekenen'), revision: 3n }, at(5));

      expect(await knownOffer(offerId)).toMatchObject({ status: 'published', sourceRevision: '3' });
    });
  });
});
