import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, QualityEvents } from '@napl/contracts';
import { ReimbursementHarness, type EnrolmentSpec } from './support/reimbursement-harness';

/**
 * Every reason code, the rule version chosen by the enrolment date, the review queue and declared costs, with the
 * facts arriving as events through the real broker. Rule versions start on fixed dates long past (2020, 2021), so the
 * enrolment dates that choose between them stay in the past whatever day the suite runs.
 */
describe('eligibility of enrolments for reimbursement', () => {
  let harness: ReimbursementHarness;
  let region: string;
  let poorRegion: string;
  let offerId: string;
  let runId: string;
  const school = '21EL00';
  const poorSchool = '21EL01';
  const march2020 = new Date('2020-03-02T09:00:00Z');

  beforeAll(async () => {
    harness = await ReimbursementHarness.start('eligibility');
    region = await harness.givenRegion([school]);
    poorRegion = await harness.givenRegion([poorSchool]);
    await harness.givenBudget(region, 2020, 10_000_000);
    await harness.givenBudget(region, 2021, 10_000_000);
    await harness.givenBudget(poorRegion, 2020, 50_000);
    // Version 1: tuition and materials at 50 %, completed with 80 % attendance, review above EUR 900.
    await harness.givenRule({ validFrom: '2020-01-01', costTypes: ['tuition', 'materials'], reviewAboveCents: 90_000 });
    // Version 2: tuition only, at 25 %.
    await harness.givenRule({ validFrom: '2021-01-01', percentageBasisPoints: 2_500 });
    ({ offerId } = await harness.approvedOffer({ grantedAt: new Date('2019-12-01T10:00:00Z'), validUntil: new Date('2030-01-01T00:00:00Z') }));
    runId = await harness.scheduledRun(offerId, 4);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  const spec = (overrides: Partial<EnrolmentSpec> = {}): EnrolmentSpec => ({ offerId, runId, schoolId: school, confirmedAt: march2020, ...overrides });

  async function outcome(enrolmentId: string, token?: string) {
    const response = await harness
      .http()
      .get(`/v1/enrolments/${enrolmentId}/eligibility`)
      .set('Authorization', token ?? (await harness.ministry()))
      .expect(200);
    return response.body as { reason: string; eligible: boolean; amountCents: number; ruleVersion: number | null; reasonText: string; budgetYear: number };
  }

  it('finds a completed enrolment in an approved offer eligible, for the rule share of the counted costs, and says so in an event', async () => {
    const { enrolmentId } = await harness.completedEnrolment(spec());
    expect(await outcome(enrolmentId, await harness.regionUser(region))).toMatchObject({
      reason: 'ELIGIBLE',
      eligible: true,
      amountCents: 60_000,
      ruleVersion: 1,
      budgetYear: 2020,
      reasonText: 'Komt in aanmerking voor vergoeding.',
    });
    expect(await harness.outboxTypes(enrolmentId)).toContain('EligibilityDecided');
  });

  it('judges by the rule version in force on the enrolment date', async () => {
    const lastDayOfVersion1 = await harness.completedEnrolment(spec({ confirmedAt: new Date('2020-12-31T12:00:00Z') }));
    const firstDayOfVersion2 = await harness.completedEnrolment(spec({ confirmedAt: new Date('2021-01-01T12:00:00Z') }));
    expect(await outcome(lastDayOfVersion1.enrolmentId)).toMatchObject({ reason: 'ELIGIBLE', ruleVersion: 1, amountCents: 60_000 });
    expect(await outcome(firstDayOfVersion2.enrolmentId)).toMatchObject({ reason: 'ELIGIBLE', ruleVersion: 2, amountCents: 30_000 });
  });

  it('has no rule in force before the first version', async () => {
    const { enrolmentId } = await harness.completedEnrolment(spec({ confirmedAt: new Date('2019-12-15T12:00:00Z') }));
    expect(await outcome(enrolmentId)).toMatchObject({ reason: 'NO_RULE_IN_FORCE', eligible: false, amountCents: 0, ruleVersion: null });
  });

  it('refuses an offer without a valid quality mark on the enrolment date: granted later, or revoked before', async () => {
    const late = await harness.approvedOffer({ grantedAt: new Date('2020-06-01T10:00:00Z') });
    const lateRun = await harness.scheduledRun(late.offerId);
    const beforeGrant = await harness.completedEnrolment(spec({ offerId: late.offerId, runId: lateRun }));
    expect((await outcome(beforeGrant.enrolmentId)).reason).toBe('OFFER_NOT_APPROVED');

    const revoked = await harness.approvedOffer({ grantedAt: new Date('2019-01-01T10:00:00Z') });
    const revokedRun = await harness.scheduledRun(revoked.offerId);
    await harness.deliver(QualityEvents.MarkRevoked, revoked.offerId, {
      markId: revoked.markId,
      offerId: revoked.offerId,
      offerVersion: 1,
      reason: 'Klachten over de uitvoering.',
      revokedAt: timestampFromDate(new Date('2020-02-01T10:00:00Z')),
    });
    const beforeRevocation = await harness.completedEnrolment(spec({ offerId: revoked.offerId, runId: revokedRun, confirmedAt: new Date('2020-01-15T10:00:00Z') }));
    const afterRevocation = await harness.completedEnrolment(spec({ offerId: revoked.offerId, runId: revokedRun }));
    expect((await outcome(beforeRevocation.enrolmentId)).reason).toBe('ELIGIBLE');
    expect((await outcome(afterRevocation.enrolmentId)).reason).toBe('OFFER_NOT_APPROVED');
  });

  it('refuses a school location that belongs to no region', async () => {
    const { enrolmentId } = await harness.completedEnrolment(spec({ schoolId: '99ZZ00' }));
    expect(await outcome(enrolmentId)).toMatchObject({ reason: 'SCHOOL_OUTSIDE_REGION', eligible: false });
  });

  it('does not count a participation below the attendance the rule asks, nor one not yet completed', async () => {
    const threeOfFour = await harness.completedEnrolment(spec(), 3);
    expect((await outcome(threeOfFour.enrolmentId)).reason).toBe('PARTICIPATION_NOT_ENOUGH');
    const onlyConfirmed = await harness.confirmed(spec());
    expect((await outcome(onlyConfirmed.enrolmentId)).reason).toBe('PARTICIPATION_NOT_ENOUGH');
  });

  it('says already reimbursed for an enrolment on a claim, and cap reached when the teacher\'s caps are used up', async () => {
    const teacherId = randomUUID();
    const first = await harness.completedEnrolment(spec({ teacherId, priceCents: 190_000 }));
    // Given: the first enrolment is on an approved claim for the full cap per offer (EUR 1,000).
    await givenApprovedClaimLine(first.enrolmentId, 100_000);
    await harness.deliver(EnrolmentsEvents.ParticipationStarted, teacherId, {
      teacherId,
      enrolmentId: first.enrolmentId,
      runId,
      offerId,
      startedOn: '2020-03-10',
    });
    expect((await outcome(first.enrolmentId)).reason).toBe('ALREADY_REIMBURSED');

    const second = await harness.completedEnrolment(spec({ teacherId }));
    expect(await outcome(second.enrolmentId)).toMatchObject({ reason: 'CAP_REACHED', eligible: false, amountCents: 0 });
  });

  it('says budget exhausted when the region has too little left for the year, or no budget for it', async () => {
    const tooLittle = await harness.completedEnrolment(spec({ schoolId: poorSchool }));
    expect(await outcome(tooLittle.enrolmentId)).toMatchObject({ reason: 'BUDGET_EXHAUSTED', eligible: false, amountCents: 60_000 });
    const noBudgetThatYear = await harness.completedEnrolment(spec({ schoolId: poorSchool, confirmedAt: new Date('2021-02-01T10:00:00Z') }));
    expect((await outcome(noBudgetThatYear.enrolmentId)).reason).toBe('BUDGET_EXHAUSTED');
  });

  it('sends a large amount to the ministry\'s review queue, where a decision with a note settles it', async () => {
    const ministry = await harness.ministry();
    const { enrolmentId } = await harness.completedEnrolment(spec({ priceCents: 190_000 }));
    expect(await outcome(enrolmentId)).toMatchObject({ reason: 'NEEDS_REVIEW', eligible: false, amountCents: 95_000 });
    const queue = await harness.http().get('/v1/review-cases').set('Authorization', ministry).expect(200);
    expect(queue.body.items).toContainEqual(expect.objectContaining({ enrolmentId, status: 'open', amountCents: 95_000, regionId: region }));

    const short = await harness.http().post(`/v1/review-cases/${enrolmentId}/decision`).set('Authorization', ministry).send({ decision: 'approved', note: 'ok' }).expect(400);
    expect(short.body.detail ?? short.body.title).toMatch(/notitie/);
    await harness
      .http()
      .post(`/v1/review-cases/${enrolmentId}/decision`)
      .set('Authorization', await harness.regionUser(region))
      .send({ decision: 'approved', note: 'Kosten aangetoond met factuur.' })
      .expect(403);
    await harness.http().post(`/v1/review-cases/${enrolmentId}/decision`).set('Authorization', ministry).send({ decision: 'approved', note: 'Kosten aangetoond met factuur.' }).expect(200);
    expect(await outcome(enrolmentId)).toMatchObject({ reason: 'ELIGIBLE', eligible: true, amountCents: 95_000 });
    await harness.http().post(`/v1/review-cases/${enrolmentId}/decision`).set('Authorization', ministry).send({ decision: 'rejected', note: 'Toch niet, bij nader inzien.' }).expect(409);
  });

  it('gives the same outcome when the completion arrives before the confirmation', async () => {
    const enrolmentId = randomUUID();
    const teacherId = randomUUID();
    const facts = { ...spec(), teacherId };
    await harness.completed(enrolmentId, facts, 4);
    expect((await outcome(enrolmentId)).reason).toBe('NO_RULE_IN_FORCE');
    await harness.deliver(EnrolmentsEvents.EnrolmentConfirmed, enrolmentId, {
      enrolment: harness.snapshot(enrolmentId, facts),
      confirmedAt: timestampFromDate(march2020),
    });
    expect(await outcome(enrolmentId)).toMatchObject({ reason: 'ELIGIBLE', amountCents: 60_000, ruleVersion: 1 });
  });

  it('counts declared materials under a rule that counts them, and refuses money that is not whole cents', async () => {
    const regionUser = await harness.regionUser(region);
    const { enrolmentId } = await harness.completedEnrolment(spec({ priceCents: 100_000 }));
    expect((await outcome(enrolmentId)).amountCents).toBe(50_000);
    const declared = await harness
      .http()
      .put(`/v1/enrolments/${enrolmentId}/costs`)
      .set('Authorization', regionUser)
      .send({ materialsCents: 20_000, studyLeaveCents: 0, substituteCoverCents: 0 })
      .expect(200);
    expect(declared.body).toMatchObject({ reason: 'ELIGIBLE', amountCents: 60_000 });
    for (const bad of [-1, 1.5, '100', null]) {
      await harness
        .http()
        .put(`/v1/enrolments/${enrolmentId}/costs`)
        .set('Authorization', regionUser)
        .send({ materialsCents: bad, studyLeaveCents: 0, substituteCoverCents: 0 })
        .expect(400);
    }
    expect((await outcome(enrolmentId)).amountCents).toBe(60_000);
  });

  it('shows a region only its own enrolments', async () => {
    const { enrolmentId } = await harness.completedEnrolment(spec());
    const own = await harness.http().get(`/v1/regions/${region}/enrolments?reason=ELIGIBLE&limit=100`).set('Authorization', await harness.regionUser(region)).expect(200);
    expect(own.body.items.every((item: { regionId: string; reason: string }) => item.regionId === region && item.reason === 'ELIGIBLE')).toBe(true);
    const stranger = await harness.regionUser(poorRegion);
    await harness.http().get(`/v1/regions/${region}/enrolments`).set('Authorization', stranger).expect(404);
    await harness.http().get(`/v1/enrolments/${enrolmentId}/eligibility`).set('Authorization', stranger).expect(404);
    await harness.http().put(`/v1/enrolments/${enrolmentId}/costs`).set('Authorization', stranger).send({ materialsCents: 0, studyLeaveCents: 0, substituteCoverCents: 0 }).expect(404);
  });

  async function givenApprovedClaimLine(enrolmentId: string, amountCents: number): Promise<void> {
    const claimId = randomUUID();
    await harness.db.query(`INSERT INTO claim (claim_id, region_id, status, created_by, line_count, total_cents) VALUES ($1, $2, 'approved', 'test', 1, $3)`, [
      claimId,
      region,
      amountCents,
    ]);
    await harness.db.query(
      `INSERT INTO claim_line (claim_id, line_no, enrolment_id, amount_cents, budget_year, rule_version, state) VALUES ($1, 1, $2, $3, 2020, 1, 'approved')`,
      [claimId, enrolmentId, amountCents],
    );
  }
});
