import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, EligibilityReason, PathsEvents, QualityEvents, ReimbursementEvents, Sector } from '@napl/contracts';
import { pendingSchemaChanges } from '@napl/persistence';
import { daysFromNow, isoDateInDays } from '@napl/testing';
import { cellsOf, MonitoringHarness, type Measure, type RebuildRun } from './support/monitoring-harness';

const SECTORS = [Sector.PO, Sector.VO, Sector.MBO];
const REGIONS = ['utrecht-stad', 'haaglanden', 'rijnmond'];

/**
 * A realistic stream of every source: offers, a path, per teacher an enrolment confirmed, a participation, a path with
 * a step, a completion or a drop-out, an eligibility decision; per region a budget and a claim; quality decisions. Some
 * events are sent twice (redelivered). Returns the ids of the events sent once.
 */
async function feed(harness: MonitoringHarness, teachers: number): Promise<string[]> {
  const ids: string[] = [];
  const offers = [randomUUID(), randomUUID()];
  for (const [index, offerId] of offers.entries()) {
    ids.push(
      await harness.events.publish(CatalogueEvents.OfferPublished, offerId, {
        offer: { offerId, version: 1, providerId: randomUUID(), title: `Aanbod ${index}`, format: index === 0 ? 'course' : 'coaching' },
        publishedAt: timestampFromDate(daysFromNow(-300)),
        revision: 1n,
      }),
      await harness.events.publish(QualityEvents.OfferApproved, offerId, {
        offerId, offerVersion: 1, providerId: randomUUID(), assessmentId: randomUUID(), markId: randomUUID(), validUntil: timestampFromDate(daysFromNow(300)), decidedAt: timestampFromDate(daysFromNow(-290)),
      }),
    );
  }
  const path = { pathId: randomUUID(), pathCode: `pad-${randomUUID().slice(0, 8)}` };
  ids.push(await harness.events.publish(PathsEvents.PathVersionPublished, path.pathId, { ...path, version: 1, title: 'Pad', sectors: ['po', 'vo', 'mbo'], stepCodes: ['S-1'] }));
  const year = new Date().getFullYear() + 1;
  for (const regionId of REGIONS) {
    const claimId = randomUUID();
    ids.push(
      await harness.events.publish(ReimbursementEvents.BudgetAllocated, regionId, { regionId, year, amountCents: 500_000_00n, trancheCode: '2025-2028', allocatedAt: timestampFromDate(daysFromNow(-200)) }),
      await harness.events.publish(ReimbursementEvents.ClaimSubmitted, claimId, { claimId, regionId, committed: [{ year, amountCents: 12_345_00n }], submittedAt: timestampFromDate(daysFromNow(-20)) }, { copies: 2 }),
    );
  }
  for (let n = 0; n < teachers; n += 1) {
    const teacher = harness.newTeacher({ sector: SECTORS[n % 3], regionId: REGIONS[n % 3], offerId: offers[n % 2] });
    const teacherPath = harness.teacherPath(teacher, path);
    const copies = n % 7 === 0 ? { copies: 2 } : {};
    ids.push(
      await harness.enrolmentConfirmed(teacher, daysFromNow(-100 + n), copies),
      await harness.participationStarted(teacher, isoDateInDays(-90 + n), copies),
      await harness.pathStarted(teacherPath, daysFromNow(-80 + n)),
      await harness.stepCompleted(teacherPath, 'S-1', daysFromNow(-10)),
      n % 5 === 4 ? await harness.enrolmentNotCompleted(teacher, daysFromNow(-5)) : await harness.enrolmentCompleted(teacher, daysFromNow(-5)),
      await harness.events.publish(ReimbursementEvents.EligibilityDecided, teacher.enrolmentId, {
        enrolmentId: teacher.enrolmentId,
        offerId: teacher.offerId,
        regionId: teacher.regionId,
        reason: n % 4 === 3 ? EligibilityReason.CAP_REACHED : EligibilityReason.ELIGIBLE,
        eligible: n % 4 !== 3,
        amountCents: n % 4 === 3 ? 0n : 1_500_00n,
        ruleVersion: 1,
        enrolledOn: isoDateInDays(-100 + n),
        decidedAt: timestampFromDate(daysFromNow(-4)),
      }),
    );
  }
  return ids;
}

describe('monitoring: rebuilding every read model while the live figures are served', () => {
  let harness: MonitoringHarness;

  beforeAll(async () => {
    harness = await MonitoringHarness.start('monitoring-rebuild');
  }, 60_000);

  afterAll(() => harness?.close());

  /**
   * Asks for the figures again and again until the run has switched: each request must be answered (not `eventually`,
   * which would pass over a failed one). Returns the switched run and the progress seen while it ran.
   */
  async function whileRebuilding(runId: string, atLeast: number): Promise<{ switched: RebuildRun; seenWhileRunning: RebuildRun[] }> {
    const seenWhileRunning: RebuildRun[] = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const participants = await harness.figures<{ cumulative: number }>('participants');
      expect(participants.figures.cumulative).toBeGreaterThanOrEqual(atLeast);
      const run = await harness.rebuildRun(runId);
      expect(run.status).not.toMatch(/failed|abandoned/);
      if (run.status === 'switched') return { switched: run, seenWhileRunning };
      seenWhileRunning.push(run);
    }
    throw new Error('the rebuild did not switch within 60 s');
  }

  /**
   * Every table of the live schema equals the one it replaced, row for row, and the live schema is what the entities
   * and migrations say (the rebuilt tables got every index and constraint back); returns the row counts.
   */
  async function expectEqualToRetired(): Promise<Record<string, number>> {
    expect(await pendingSchemaChanges(harness.db)).toEqual([]);
    const differences = await harness.tableDifferences('monitoring', 'monitoring_retired');
    expect(differences.length).toBeGreaterThan(12);
    expect(differences.filter((table) => table.onlyInA > 0 || table.onlyInB > 0)).toEqual([]);
    return Object.fromEntries(differences.map((table) => [table.table, table.rows]));
  }

  it('rebuilds from the start of the topics into fresh tables equal to the live ones, table by table, answering the figures meanwhile', async () => {
    await harness.consumed(await feed(harness, 30));
    expect((await harness.figures<{ cumulative: number }>('participants')).figures.cumulative).toBe(30);

    const started = await harness.startRebuild().expect(202);
    expect(started.body).toMatchObject({ status: 'running', requestedBy: 'test-ministry' });
    const { switched, seenWhileRunning } = await whileRebuilding(started.body.runId, 30);
    expect(seenWhileRunning.some((run) => run.phase === 'reading' && run.topics.length > 0)).toBe(true);
    expect(switched.topics.length).toBeGreaterThan(5);
    expect(switched.topics.every((topic) => topic.caughtUp && topic.offsetsRead === topic.endOffsets)).toBe(true);

    // Nothing arrived meanwhile: the retired tables are what the live consumer built, the live ones the rebuild's.
    const rows = await expectEqualToRetired();
    expect(rows).toMatchObject({ participant_fact: 30, enrolment_fact: 30, teacher_path_fact: 30, eligibility_fact: 30, offer_fact: 2, budget_allocation_fact: 3, money_movement_fact: 3, topic_freshness: 9 });
    expect(switched.eventsApplied).toBe(rows.processed_event);
  });

  it('switches while events arrive: each is counted once, by the rebuild or the live consumer after it', async () => {
    const started = await harness.startRebuild().expect(202);
    const second = await harness.startRebuild().expect(409);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.body.code).toBe('REBUILD_RUNNING');

    const more = feed(harness, 10);
    await whileRebuilding(started.body.runId, 30);
    await harness.consumed(await more);

    const after = (await harness.figures<{ cumulative: number }>('participants')).figures;
    expect(after.cumulative).toBe(40);
    const enrolments = (await harness.figures<{ totals: Record<string, number> }>('enrolments')).figures;
    expect(enrolments.totals).toEqual({ enrolments: 40, completions: 32, dropOuts: 8, cancellations: 0 });

    // Eligibility by its latest decision: 9 of the 40 enrolments were refused (cap reached), few per region: hidden.
    const eligibility = (await harness.figures<{ totals: Record<string, number>; byReason: Measure; eligibleByRegion: Measure; notEligibleByRegion: Measure }>('eligibility')).figures;
    expect(eligibility.totals).toEqual({ decided: 40, eligible: 31, notEligible: 9, eligibleCents: 31 * 1_500_00 });
    expect(cellsOf(eligibility.byReason)).toEqual({ eligible: 31, 'cap-reached': 9 });
    expect(cellsOf(eligibility.eligibleByRegion)).toEqual({ 'utrecht-stad': 10, haaglanden: 10, rijnmond: 11 });
    expect(cellsOf(eligibility.notEligibleByRegion)).toEqual({ 'utrecht-stad': 'small', haaglanden: 'small', rijnmond: 'small' });

    // Quiet again: one more rebuild gives exactly the tables the switch and the live consumer after it left.
    const again = await harness.startRebuild().expect(202);
    const { switched } = await whileRebuilding(again.body.runId, 40);
    const rows = await expectEqualToRetired();
    expect(rows).toMatchObject({ participant_fact: 40, enrolment_fact: 40, teacher_path_fact: 40, eligibility_fact: 40, offer_fact: 4, budget_allocation_fact: 6, money_movement_fact: 6, topic_freshness: 9 });
    expect(switched.eventsApplied).toBe(rows.processed_event);
    const [{ count }] = await harness.db.query(`SELECT count(*)::int AS count FROM processed_event`);
    expect(count).toBe(rows.processed_event);
  });
});
