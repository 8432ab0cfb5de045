import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, PathsEvents, QualityEvents, ReimbursementEvents, Sector, TOPICS } from '@napl/contracts';
import { daysFromNow, isoDateInDays } from '@napl/testing';
import { schoolYearOf } from '../src/reporting/domain/school-year';
import { cellsOf, MonitoringHarness, type Measure, type StreamTeacher } from './support/monitoring-harness';

type Participants = { cumulative: number; target: number; perSchoolYear: Measure; bySector: Measure; byRegion: Measure; byPath: Measure; byFormat: Measure };
type Enrolments = { totals: Record<string, number>; dropOutPercent: number | null; measures: Record<string, { bySector: Measure; byRegion: Measure }> };
type Paths = { paths: { code: string; title: string }[]; teachersStarted: Measure; stepsCompleted: Measure; pathsCompleted: Measure };

describe('monitoring: figures from event streams on the real broker', () => {
  let harness: MonitoringHarness;

  beforeAll(async () => {
    harness = await MonitoringHarness.start('monitoring-figures');
  }, 60_000);

  afterAll(() => harness?.close());

  // First in the file: the national splits hold only this stream's teachers.
  it('counts unique participants per school year and split, suppresses small cells and their complements, and answers as of a date', async () => {
    const course = randomUUID();
    const coaching = randomUUID();
    const ids: string[] = [];
    ids.push(
      await harness.events.publish(CatalogueEvents.OfferPublished, course, {
        offer: { offerId: course, version: 1, providerId: randomUUID(), title: 'Cursus', format: 'course' },
        publishedAt: timestampFromDate(daysFromNow(-500)),
        revision: 2n,
      }),
      await harness.events.publish(CatalogueEvents.OfferPublished, coaching, {
        offer: { offerId: coaching, version: 1, providerId: randomUUID(), title: 'Coaching', format: 'coaching' },
        publishedAt: timestampFromDate(daysFromNow(-500)),
        revision: 2n,
      }),
    );
    const po = Array.from({ length: 6 }, () => harness.newTeacher({ sector: Sector.PO, regionId: 'utrecht-stad', offerId: course }));
    const vo = Array.from({ length: 3 }, () => harness.newTeacher({ sector: Sector.VO, regionId: 'haaglanden', offerId: coaching }));
    const mbo = Array.from({ length: 7 }, () => harness.newTeacher({ sector: Sector.MBO, regionId: 'rijnmond', offerId: course }));
    const earlier = isoDateInDays(-400);
    const recent = isoDateInDays(-5);
    // Ten started over a year ago, six in the last days; po[0] started again recently: still one teacher, counted then.
    for (const teacher of [...mbo, ...vo]) ids.push(await harness.participationStarted(teacher, earlier));
    for (const teacher of po) ids.push(await harness.participationStarted(teacher, recent));
    ids.push(await harness.participationStarted(po[0], earlier, { enrolmentId: randomUUID() }));

    // Enrolments: every teacher got a place; 12 completed, 2 dropped out, 1 cancelled.
    const everyone = [...po, ...vo, ...mbo];
    for (const teacher of everyone) ids.push(await harness.enrolmentConfirmed(teacher, daysFromNow(-410)));
    for (const teacher of [...mbo, ...po.slice(0, 5)]) ids.push(await harness.enrolmentCompleted(teacher, daysFromNow(-3)));
    for (const teacher of vo.slice(0, 2)) ids.push(await harness.enrolmentNotCompleted(teacher, daysFromNow(-3)));
    ids.push(await harness.enrolmentCancelled(vo[2], daysFromNow(-3)));

    // Paths: six mbo teachers started one; five completed its first step and the path; one completion was withdrawn.
    const path = { pathId: randomUUID(), pathCode: 'startbekwaam-vakbekwaam' };
    ids.push(await harness.events.publish(PathsEvents.PathVersionPublished, path.pathId, { ...path, version: 1, title: 'Van startbekwaam naar vakbekwaam', sectors: ['po', 'vo', 'mbo'], stepCodes: ['SV-1'] }));
    const teacherPaths = mbo.slice(0, 6).map((teacher) => harness.teacherPath(teacher, path));
    for (const teacherPath of teacherPaths) ids.push(await harness.pathStarted(teacherPath, daysFromNow(-20)));
    for (const teacherPath of teacherPaths.slice(0, 5)) {
      ids.push(await harness.stepCompleted(teacherPath, 'SV-1', daysFromNow(-4)), await harness.pathCompleted(teacherPath, daysFromNow(-4)));
    }
    ids.push(await harness.events.publish(PathsEvents.PathCompletionWithdrawn, teacherPaths[0].teacherPathId, { teacherPath: teacherPaths[0], withdrawnAt: timestampFromDate(daysFromNow(-2)) }));
    await harness.consumed(ids);

    const now = await harness.figures<Participants>('participants');
    expect(now.figures).toMatchObject({ cumulative: 16, target: 60_000 });
    expect(cellsOf(now.figures.perSchoolYear)).toEqual({ [schoolYearOf(earlier)]: 11, [schoolYearOf(recent)]: 5 });
    expect(cellsOf(now.figures.bySector)).toEqual({ po: 'complement', vo: 'small', mbo: 7 });
    expect(cellsOf(now.figures.byRegion)).toEqual({ 'utrecht-stad': 'complement', haaglanden: 'small', rijnmond: 7 });
    expect(cellsOf(now.figures.byFormat)).toEqual({ course: 'complement', coaching: 'small' });
    expect(cellsOf(now.figures.byPath)).toEqual({ 'geen-pad': 10, 'startbekwaam-vakbekwaam': 6 });
    expect(now.rulesVersion).toBe('monitoring-rules-1');
    expect(now.freshness.find((topic) => topic.topic === TOPICS.enrolmentsParticipation.name)!.readUpTo).not.toBeNull();
    expect(now.freshness.find((topic) => topic.topic === TOPICS.reimbursementBudget.name)!.readUpTo).toBeNull();

    // As of 100 days ago: only the eleven who had started; the path had not started yet.
    const before = await harness.figures<Participants>('participants', isoDateInDays(-100));
    expect(before.asOf).toBe(isoDateInDays(-100));
    expect(before.figures.cumulative).toBe(11);
    expect(cellsOf(before.figures.byPath)).toEqual({ 'geen-pad': 11 });

    const enrolments = await harness.figures<Enrolments>('enrolments');
    expect(enrolments.figures.totals).toEqual({ enrolments: 16, completions: 12, dropOuts: 2, cancellations: 1 });
    expect(enrolments.figures.dropOutPercent).toBe(14.3);
    // Two drop-outs in all: the total is itself small, so it and every cell of its split are hidden.
    expect(enrolments.figures.measures.dropOuts.byRegion).toMatchObject({ total: null, totalSuppressed: 'small' });
    expect(cellsOf(enrolments.figures.measures.dropOuts.byRegion)).toEqual({ haaglanden: 'complement' });
    const olderEnrolments = await harness.figures<Enrolments>('enrolments', isoDateInDays(-30));
    expect(olderEnrolments.figures.totals).toEqual({ enrolments: 16, completions: 0, dropOuts: 0, cancellations: 0 });

    const paths = await harness.figures<Paths>('paths');
    expect(paths.figures.paths).toEqual([{ code: 'startbekwaam-vakbekwaam', title: 'Van startbekwaam naar vakbekwaam' }]);
    expect(cellsOf(paths.figures.teachersStarted)).toEqual({ 'startbekwaam-vakbekwaam': 6 });
    expect(cellsOf(paths.figures.stepsCompleted)).toEqual({ 'startbekwaam-vakbekwaam': 5 });
    // Four completed paths after the withdrawal: fewer than 5 teachers, so hidden; five before it.
    expect(paths.figures.pathsCompleted).toMatchObject({ total: null, totalSuppressed: 'small' });
    expect(cellsOf((await harness.figures<Paths>('paths', isoDateInDays(-3))).figures.pathsCompleted)).toEqual({ 'startbekwaam-vakbekwaam': 5 });

    const forecast = await harness.figures<{ cumulative: number; pacePerMonth: number; status: string; method: string; expectedDate: string | null; requiredPacePerMonth: number }>('forecast');
    // Five new participants in the last twelve months (po[0] counts from its earlier start): 0.4 a month.
    expect(forecast.figures).toMatchObject({ cumulative: 16, pacePerMonth: 0.4, status: 'behind', expectedDate: null });
    expect(forecast.figures.method).toMatch(/laatste twaalf maanden/);
    expect(forecast.figures.requiredPacePerMonth).toBeGreaterThan(100);
  });

  it('books money per region and year against the budget, an allocation replaced by a later one, and quality decisions', async () => {
    const region = `regio-${randomUUID().slice(0, 8)}`;
    const year = new Date().getFullYear() + 1;
    const claimId = randomUUID();
    const statementId = randomUUID();
    const ids = [
      await harness.events.publish(ReimbursementEvents.BudgetAllocated, region, { regionId: region, year, amountCents: 100_000_00n, trancheCode: '2025-2028', allocatedAt: timestampFromDate(daysFromNow(-30)) }),
      await harness.events.publish(ReimbursementEvents.BudgetAllocated, region, { regionId: region, year, amountCents: 120_000_00n, trancheCode: '2025-2028', allocatedAt: timestampFromDate(daysFromNow(-10)) }),
      await harness.events.publish(ReimbursementEvents.ClaimSubmitted, claimId, { claimId, regionId: region, lineCount: 3, totalCents: 50_000_00n, committed: [{ year, amountCents: 50_000_00n }], submittedAt: timestampFromDate(daysFromNow(-8)) }),
      await harness.events.publish(ReimbursementEvents.ClaimPartlyApproved, claimId, {
        decision: { claimId, regionId: region, approvedLines: 2, rejectedLines: 1, approvedCents: 40_000_00n, rejectedCents: 10_000_00n, released: [{ year, amountCents: 10_000_00n }], decidedAt: timestampFromDate(daysFromNow(-6)) },
      }),
      await harness.events.publish(ReimbursementEvents.PaymentIssued, statementId, { statementId, regionId: region, period: `${year}-Q1`, paidCents: 40_000_00n, paid: [{ year, amountCents: 40_000_00n }], paidAt: timestampFromDate(daysFromNow(-4)) }),
      await harness.events.publish(ReimbursementEvents.ClawBackRecorded, statementId, { statementId, regionId: region, period: `${year}-Q1`, clawedBackCents: 5_000_00n, clawedBack: [{ year, amountCents: 5_000_00n }], lineCount: 1, recordedAt: timestampFromDate(daysFromNow(-2)) }),
    ];
    const offerId = randomUUID();
    const decided = { offerId, offerVersion: 1, providerId: randomUUID() };
    ids.push(
      await harness.events.publish(QualityEvents.OfferRejected, offerId, { ...decided, assessmentId: randomUUID(), summary: 'Nog niet', decidedAt: timestampFromDate(daysFromNow(-9)) }),
      await harness.events.publish(QualityEvents.OfferApproved, offerId, { ...decided, assessmentId: randomUUID(), markId: randomUUID(), validUntil: timestampFromDate(daysFromNow(300)), decidedAt: timestampFromDate(daysFromNow(-7)) }),
      await harness.events.publish(QualityEvents.MarkRevoked, offerId, { markId: randomUUID(), offerId, offerVersion: 1, reason: 'Klachten', revokedAt: timestampFromDate(daysFromNow(-1)) }),
    );
    await harness.consumed(ids);

    const money = await harness.figures<{ nationalBudgetCents: number; tranches: { code: string; budgetCents: number; allocatedCents: number }[]; perRegionYear: Record<string, unknown>[] }>('money');
    expect(money.figures.nationalBudgetCents).toBe(15_960_000_000);
    expect(money.figures.perRegionYear.find((row) => row.regionId === region)).toEqual({
      regionId: region,
      year,
      allocatedCents: 120_000_00,
      committedCents: 40_000_00,
      paidCents: 40_000_00,
      clawedBackCents: 5_000_00,
    });
    expect(money.figures.tranches.find((tranche) => tranche.code === '2025-2028')).toMatchObject({ budgetCents: 7_310_000_000, allocatedCents: 120_000_00 });
    const moneyOn = async (daysAgo: number) =>
      (await harness.figures<{ perRegionYear: Record<string, unknown>[] }>('money', isoDateInDays(daysAgo))).figures.perRegionYear.find((row) => row.regionId === region);
    expect(await moneyOn(-12)).toMatchObject({ allocatedCents: 100_000_00, committedCents: 0, paidCents: 0 });
    expect(await moneyOn(-7)).toMatchObject({ allocatedCents: 120_000_00, committedCents: 50_000_00, paidCents: 0 });

    const quality = await harness.figures<{ totals: Record<string, number> }>('quality');
    expect(quality.figures.totals).toEqual({ approved: 1, rejected: 1, marksExpired: 0, marksRevoked: 1 });
  });

  it('exports every table as CSV and JSON with the as-of date and rules version, for the ministry and admins only', async () => {
    const asOf = isoDateInDays(-1);
    for (const table of ['participants', 'enrolments', 'paths', 'quality', 'money', 'forecast']) {
      const csv = await harness.exportOf(table, { asOf, format: 'csv' }).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('as_of,rules_version,table,section,key,measure,value,suppressed');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((line) => line.startsWith(`${asOf},monitoring-rules-1,${table},`))).toBe(true);
      const json = (await harness.exportOf(table, { asOf }).expect(200)).body;
      expect(json).toMatchObject({ table, asOf, rulesVersion: 'monitoring-rules-1' });
      expect(json.rows.length).toBe(lines.length - 1);
    }
    const participants = (await harness.exportOf('participants', { format: 'csv' }).expect(200)).text;
    expect(participants).toMatch(/,sector,vo,deelnemers,,small\r\n/);

    await harness.exportOf('teachers', {}).expect(404);
    await harness.http().get('/v1/figures/participants').query({ asOf: '2027-02-30' }).set('Authorization', `Bearer ${await harness.tokenFor({ subject: 'test-admin', roles: ['admin'] })}`).expect(400);
    const teacher = await harness.tokenFor({ subject: 'test-teacher', roles: ['teacher'], teacherId: randomUUID() });
    const refused = await harness.http().get('/v1/figures/participants').set('Authorization', `Bearer ${teacher}`).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

// A harness of its own: its national splits hold only these streams, none with a small cell, so no complement hides them.
describe('monitoring: out-of-order and redelivered streams on the real broker', () => {
  let harness: MonitoringHarness;

  beforeAll(async () => {
    harness = await MonitoringHarness.start('monitoring-streams');
  }, 60_000);

  afterAll(() => harness?.close());

  it('gives the same figures for a stream whose events of different topics arrive out of order', async () => {
    const ordered = `regio-${randomUUID().slice(0, 8)}`;
    const reversed = `regio-${randomUUID().slice(0, 8)}`;
    const orderedPath = { pathId: randomUUID(), pathCode: `pad-${randomUUID().slice(0, 8)}` };
    const reversedPath = { pathId: randomUUID(), pathCode: `pad-${randomUUID().slice(0, 8)}` };
    const stream = (teacher: StreamTeacher, path: { pathId: string; pathCode: string }) => {
      const teacherPath = harness.teacherPath(teacher, path);
      return [
        () => harness.enrolmentConfirmed(teacher, daysFromNow(-20)),
        () => harness.participationStarted(teacher, isoDateInDays(-15)),
        () => harness.pathStarted(teacherPath, daysFromNow(-14)),
        () => harness.stepCompleted(teacherPath, 'SV-1', daysFromNow(-6)),
        () => harness.enrolmentCompleted(teacher, daysFromNow(-6)),
        () => harness.pathCompleted(teacherPath, daysFromNow(-5)),
      ];
    };
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      for (const send of stream(harness.newTeacher({ sector: Sector.PO, regionId: ordered }), orderedPath)) ids.push(await send());
      // Each event waits for monitoring before the next is sent: the completion really is applied before the confirmation.
      for (const send of stream(harness.newTeacher({ sector: Sector.PO, regionId: reversed }), reversedPath).reverse()) {
        const eventId = await send();
        await harness.consumed([eventId]);
      }
    }
    await harness.consumed(ids);

    for (const asOf of [undefined, isoDateInDays(-10)]) {
      const enrolments = (await harness.figures<Enrolments>('enrolments', asOf)).figures;
      const participants = (await harness.figures<Participants>('participants', asOf)).figures;
      const paths = (await harness.figures<Paths>('paths', asOf)).figures;
      const of = (region: string, path: string) => ({
        enrolments: cellsOf(enrolments.measures.enrolments.byRegion)[region],
        completions: cellsOf(enrolments.measures.completions.byRegion)[region] ?? 0,
        participants: cellsOf(participants.byRegion)[region],
        started: cellsOf(paths.teachersStarted)[path],
        steps: cellsOf(paths.stepsCompleted)[path] ?? 0,
        completed: cellsOf(paths.pathsCompleted)[path] ?? 0,
      });
      expect(of(reversed, reversedPath.pathCode)).toEqual(of(ordered, orderedPath.pathCode));
      expect(of(ordered, orderedPath.pathCode)).toEqual(asOf ? { enrolments: 5, completions: 0, participants: 5, started: 5, steps: 0, completed: 0 } : { enrolments: 5, completions: 5, participants: 5, started: 5, steps: 5, completed: 5 });
    }
  });

  it('counts a redelivered stream once', async () => {
    const region = `regio-${randomUUID().slice(0, 8)}`;
    const claimId = randomUUID();
    const year = new Date().getFullYear() + 1;
    // Everything on partition 0 of each topic, three copies each; then a marker there: once it is applied, so are the copies.
    const copies = { copies: 3, partitions: [0] };
    const teachers = Array.from({ length: 6 }, () => harness.newTeacher({ sector: Sector.VO, regionId: region }));
    for (const teacher of teachers) {
      await harness.participationStarted(teacher, isoDateInDays(-2), copies);
      await harness.enrolmentConfirmed(teacher, daysFromNow(-3), copies);
      await harness.enrolmentCompleted(teacher, daysFromNow(-1), copies);
    }
    await harness.events.publish(ReimbursementEvents.ClaimSubmitted, claimId, { claimId, regionId: region, committed: [{ year, amountCents: 7_500_00n }], submittedAt: timestampFromDate(daysFromNow(-1)) }, copies);
    // The marker: a seventh teacher of the region, and a second claim of one cent, each sent once.
    const marker = harness.newTeacher({ sector: Sector.VO, regionId: region });
    const markerClaim = randomUUID();
    await harness.consumed([
      await harness.participationStarted(marker, isoDateInDays(-1), { partitions: [0] }),
      await harness.enrolmentConfirmed(marker, daysFromNow(-1), { partitions: [0] }),
      await harness.enrolmentCompleted(marker, daysFromNow(-1), { partitions: [0] }),
      await harness.events.publish(ReimbursementEvents.ClaimSubmitted, markerClaim, { claimId: markerClaim, regionId: region, committed: [{ year, amountCents: 1n }] }, { partitions: [0] }),
    ]);

    const participants = (await harness.figures<Participants>('participants')).figures;
    expect(cellsOf(participants.byRegion)[region]).toBe(7);
    const enrolments = (await harness.figures<Enrolments>('enrolments')).figures;
    expect(cellsOf(enrolments.measures.enrolments.byRegion)[region]).toBe(7);
    expect(cellsOf(enrolments.measures.completions.byRegion)[region]).toBe(7);
    const money = (await harness.figures<{ perRegionYear: Record<string, unknown>[] }>('money')).figures;
    expect(money.perRegionYear.find((row) => row.regionId === region)).toMatchObject({ committedCents: 7_500_01 });
  });

});
