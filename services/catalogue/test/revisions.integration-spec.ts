import { fromBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DEMO_IDS } from '@napl/auth';
import { CatalogueEvents, QualityEvents } from '@napl/contracts';
import type { TopicProbe } from '@napl/testing';
import { CatalogueHarness, runPlan } from './catalogue-harness';

const CONTRACTS = new Map(Object.values(CatalogueEvents).map((contract) => [contract.type as string, contract]));

/** The events the probe read for a key, in the order they arrived (one partition), as [type, revision]. */
function revisionsOn(probe: TopicProbe, key: string): [string, bigint][] {
  return probe.messages
    .filter((message) => message.key === key)
    .map((message) => {
      const contract = CONTRACTS.get(message.headers['napl-event-type'])!;
      const event = fromBinary(contract.schema, message.value!) as { revision: bigint };
      return [contract.type.replace('napl.catalogue.v1.', ''), event.revision];
    });
}

describe('catalogue: every event of an offer or a run carries the aggregate’s next revision', () => {
  let catalogue: CatalogueHarness;

  beforeAll(async () => {
    catalogue = await CatalogueHarness.start();
  }, 60_000);

  afterAll(() => catalogue?.close());

  it('numbers the events of one run 1, 2, 3, … in the order they were written, also when changes race', async () => {
    const { offerId } = await catalogue.publishedOffer();
    const hanze = await catalogue.as('opleider-hanze');
    const { body: run } = await hanze.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(201);
    // Five changes at once: the run's lock lets one through at a time, and each counts its own revision.
    await Promise.all([17, 18, 19, 20, 21].map((capacity) => hanze.put(`/v1/runs/${run.runId}`, runPlan({ capacity })).expect(200)));
    await hanze.post(`/v1/runs/${run.runId}/cancel`, { reason: 'Te weinig aanmeldingen.' }).expect(200);
    await catalogue.runEvents.catchUp(catalogue.service, run.runId);

    expect(revisionsOn(catalogue.runEvents, run.runId)).toEqual([
      ['RunScheduled', 1n],
      ['RunChanged', 2n],
      ['RunChanged', 3n],
      ['RunChanged', 4n],
      ['RunChanged', 5n],
      ['RunChanged', 6n],
      ['RunCancelled', 7n],
    ]);
    // The change with the highest revision is the one the run holds: consumers that follow revisions end up there.
    const changes = catalogue.eventsOf(CatalogueEvents.RunChanged, run.runId, catalogue.runEvents);
    const { body: stored } = await hanze.get(`/v1/runs/${run.runId}`).expect(200);
    expect(changes.at(-1)!.run!.capacity).toBe(stored.capacity);
    const [row] = await catalogue.service.dataSource.query(`SELECT revision FROM run WHERE id = $1`, [run.runId]);
    expect(row.revision).toBe('7');
  });

  it('numbers the events of one offer across commands and quality decisions', async () => {
    const { offerId, markId } = await catalogue.publishedOffer(); // OfferSubmitted, then OfferPublished on approval
    const hanze = await catalogue.as('opleider-hanze');
    await hanze.post(`/v1/offers/${offerId}/withdraw`, { reason: 'Vergissing.' }).expect(200);
    await (await catalogue.as('beheerder')).post(`/v1/offers/${offerId}/reinstate`).expect(200);
    await catalogue.publishQuality(QualityEvents.MarkExpired, offerId, {
      markId,
      offerId,
      offerVersion: 1,
      providerId: DEMO_IDS.providerHanze,
      expiredAt: timestampFromDate(new Date()),
    });
    await catalogue.waitForStatus(offerId, 'suspended');
    await catalogue.offerEvents.catchUp(catalogue.service, offerId);

    expect(revisionsOn(catalogue.offerEvents, offerId)).toEqual([
      ['OfferSubmitted', 1n],
      ['OfferPublished', 2n],
      ['OfferWithdrawn', 3n],
      ['OfferPublished', 4n],
      ['OfferSuspended', 5n],
    ]);
  });
});
