import { daysFromNow, isoDateInDays } from '@napl/testing';
import { calendarYearOf } from '../src/shared/domain/school-year';
import { ReimbursementHarness } from './support/reimbursement-harness';

/** The reimbursement rules as versioned data: drafts, publication, and what a published version never does again. */
describe('rule versions', () => {
  let harness: ReimbursementHarness;
  let ministry: string;
  let teacher: string;

  beforeAll(async () => {
    harness = await ReimbursementHarness.start('rules');
    ministry = await harness.ministry();
    teacher = `Bearer ${await harness.service.tokenFor('docent-anne')}`;
  }, 60_000);

  afterAll(() => harness?.close());

  /** Start dates far ahead (they stay in the future), one per test, so no two tests share a date. */
  let futureDays = 400;
  const futureDate = () => isoDateInDays((futureDays += 7));

  const ruleBody = (overrides: Record<string, unknown> = {}) => ({
    validFrom: futureDate(),
    costTypes: ['tuition', 'materials'],
    percentageBasisPoints: 5_000,
    maxPerParticipantPerOfferCents: 100_000,
    maxPerParticipantPerSchoolYearCents: 150_000,
    participation: { kind: 'completed', minimumAttendancePercent: 80 },
    reviewAboveCents: 90_000,
    note: 'Regeling tegemoetkoming NAPL',
    ...overrides,
  });

  async function draft(overrides: Record<string, unknown> = {}): Promise<{ version: number; validFrom: string; problems: string[] }> {
    return (await harness.http().post('/v1/rules').set('Authorization', ministry).send(ruleBody(overrides)).expect(201)).body;
  }

  const publish = (version: number) => harness.http().post(`/v1/rules/${version}/publish`).set('Authorization', ministry);
  const ruleCount = async () => Number((await harness.db.query(`SELECT count(*) AS count FROM rule_version`))[0].count);

  it('keeps a draft to the ministry until it is published, then shows it to everyone signed in', async () => {
    const created = await draft();
    expect(created).toMatchObject({ status: 'draft', costTypes: ['tuition', 'materials'], participation: { kind: 'completed', minimumAttendancePercent: 80 }, problems: [] });
    await harness.http().get(`/v1/rules/${created.version}`).set('Authorization', teacher).expect(404, /bestaat niet/);
    const ministryList = await harness.http().get('/v1/rules').set('Authorization', ministry).expect(200);
    expect(ministryList.body.items.map((rule: { version: number }) => rule.version)).toContain(created.version);
    const teacherList = await harness.http().get('/v1/rules').set('Authorization', teacher).expect(200);
    expect(teacherList.body.items.map((rule: { version: number }) => rule.version)).not.toContain(created.version);

    const published = await publish(created.version).expect(200);
    expect(published.body).toMatchObject({ version: created.version, status: 'published', publishedAt: expect.any(String) });
    await harness.http().get(`/v1/rules/${created.version}`).set('Authorization', teacher).expect(200);
    const listed = await harness.http().get('/v1/rules').set('Authorization', teacher).expect(200);
    expect(listed.body.items.map((rule: { version: number }) => rule.version)).toContain(created.version);
  });

  it('changes a draft, never a published version: the API answers 409 and the database refuses a direct update', async () => {
    const created = await draft({ participation: { kind: 'started' }, reviewAboveCents: undefined });
    expect(created).toMatchObject({ reviewAboveCents: null });
    const changed = await harness.http().put(`/v1/rules/${created.version}`).set('Authorization', ministry).send(ruleBody({ validFrom: created.validFrom, percentageBasisPoints: 6_250 })).expect(200);
    expect(changed.body).toMatchObject({ percentageBasisPoints: 6_250, participation: { kind: 'completed', minimumAttendancePercent: 80 } });
    await publish(created.version).expect(200);

    const refused = await harness.http().put(`/v1/rules/${created.version}`).set('Authorization', ministry).send(ruleBody({ validFrom: created.validFrom })).expect(409);
    expect(refused.body).toMatchObject({ code: 'RULE_PUBLISHED' });
    expect(refused.body.detail).toMatch(/gepubliceerd en verandert nooit meer/);
    await publish(created.version).expect(409);
    await expect(harness.db.query(`UPDATE rule_version SET percentage_basis_points = 10000 WHERE version = $1`, [created.version])).rejects.toThrow(/published and never changes/);
    await expect(harness.db.query(`DELETE FROM rule_version WHERE version = $1`, [created.version])).rejects.toThrow(/published and never changes/);
    const stored = await harness.http().get(`/v1/rules/${created.version}`).set('Authorization', teacher).expect(200);
    expect(stored.body.percentageBasisPoints).toBe(6_250);
  });

  it('refuses to publish a draft with problems, listing them all', async () => {
    const created = await draft({ costTypes: [], maxPerParticipantPerOfferCents: 200_000 });
    expect(created.problems).toHaveLength(2);
    const refused = await publish(created.version).expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_INVALID' });
    expect(refused.body.problems).toEqual(['Noem ten minste één soort kosten die meetelt.', 'Het maximum per aanbod is niet hoger dan het maximum per schooljaar.']);
    const stored = await harness.http().get(`/v1/rules/${created.version}`).set('Authorization', ministry).expect(200);
    expect(stored.body.status).toBe('draft');
  });

  it('refuses a second published version with the same start date', async () => {
    const first = await draft();
    await publish(first.version).expect(200);
    const second = await draft({ validFrom: first.validFrom, percentageBasisPoints: 7_500 });
    const refused = await publish(second.version).expect(409);
    expect(refused.body).toMatchObject({ code: 'RULE_DATE_TAKEN', publishedVersion: first.version });
  });

  it('refuses bad input in Dutch and stores nothing', async () => {
    const before = await ruleCount();
    const cases: [string, Record<string, unknown>][] = [
      ['maxPerParticipantPerOfferCents', { maxPerParticipantPerOfferCents: 1.5 }],
      ['maxPerParticipantPerOfferCents', { maxPerParticipantPerOfferCents: -1 }],
      ['maxPerParticipantPerSchoolYearCents', { maxPerParticipantPerSchoolYearCents: '100' }],
      ['reviewAboveCents', { reviewAboveCents: 2 ** 53 }],
      ['percentageBasisPoints', { percentageBasisPoints: 0 }],
      ['percentageBasisPoints', { percentageBasisPoints: 10_001 }],
      ['participation.minimumAttendancePercent', { participation: { kind: 'completed' } }],
      ['participation.minimumAttendancePercent', { participation: { kind: 'completed', minimumAttendancePercent: 101 } }],
      ['participation.kind', { participation: { kind: 'attended' } }],
      ['costTypes', { costTypes: ['travel'] }],
      ['validFrom', { validFrom: '2027-02-30' }],
    ];
    for (const [field, overrides] of cases) {
      const response = await harness.http().post('/v1/rules').set('Authorization', ministry).send(ruleBody(overrides));
      expect([response.status, response.body.errors?.map((error: { field: string }) => error.field)]).toEqual([400, [field]]);
      expect(response.body.detail).toBe('De invoer is ongeldig.');
    }
    const money = await harness.http().post('/v1/rules').set('Authorization', ministry).send(ruleBody({ maxPerParticipantPerOfferCents: 1.5 })).expect(400);
    expect(money.body.errors[0].messages).toEqual(expect.arrayContaining([expect.stringMatching(/hele centen/)]));
    expect(await ruleCount()).toBe(before);
    await harness.http().get('/v1/rules/abc').set('Authorization', ministry).expect(404);
    await harness.http().put('/v1/rules/99999').set('Authorization', ministry).send(ruleBody()).expect(404);
  });

  it('lets only the ministry write rules', async () => {
    const region = await harness.regionUser('utrecht-stad');
    for (const token of [region, teacher, `Bearer ${await harness.service.tokenFor('beheerder')}`]) {
      await harness.http().post('/v1/rules').set('Authorization', token).send(ruleBody()).expect(403);
    }
    const created = await draft();
    await harness.http().post(`/v1/rules/${created.version}/publish`).set('Authorization', region).expect(403);
    await harness.http().put(`/v1/rules/${created.version}`).set('Authorization', region).send(ruleBody()).expect(403);
  });

  describe('a start date in the past', () => {
    const enrolledDaysAgo = 10;
    let enrolmentId: string;

    it('judges the enrolments from that date again when nothing from then on was decided under a rule yet', async () => {
      const enrolledOn = isoDateInDays(-enrolledDaysAgo);
      const regionId = await harness.givenRegion(['55XY00']);
      await harness.givenBudget(regionId, calendarYearOf(enrolledOn), 10_000_000);
      const { offerId } = await harness.approvedOffer({ grantedAt: daysFromNow(-60) });
      const runId = await harness.scheduledRun(offerId);
      ({ enrolmentId } = await harness.completedEnrolment({ offerId, runId, schoolId: '55XY00', priceCents: 120_000, confirmedAt: daysFromNow(-enrolledDaysAgo) }));
      expect(await harness.db.query(`SELECT reason, rule_version FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentId])).toEqual([
        { reason: 'NO_RULE_IN_FORCE', rule_version: null },
      ]);

      const created = await draft({ validFrom: isoDateInDays(-enrolledDaysAgo - 5), costTypes: ['tuition'], reviewAboveCents: null });
      await publish(created.version).expect(200);

      // Tuition 1,200.00 at 50 %: 600.00, within both caps.
      expect(await harness.db.query(`SELECT reason, rule_version, amount_cents FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentId])).toEqual([
        { reason: 'ELIGIBLE', rule_version: created.version, amount_cents: '60000' },
      ]);
    }, 60_000);

    it('is refused when it would change outcomes already decided under a rule, and allowed after them', async () => {
      const before = await harness.db.query(`SELECT reason, rule_version, amount_cents, decided_at FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentId]);
      const retroactive = await draft({ validFrom: isoDateInDays(-enrolledDaysAgo - 2), percentageBasisPoints: 10_000 });
      const refused = await publish(retroactive.version).expect(409);
      expect(refused.body).toMatchObject({ code: 'RULE_RETROACTIVE', decidedEnrolments: 1 });
      expect(refused.body.detail).toMatch(/terugwerkende kracht/);
      const stored = await harness.http().get(`/v1/rules/${retroactive.version}`).set('Authorization', ministry).expect(200);
      expect(stored.body.status).toBe('draft');

      const afterTheLast = await draft({ validFrom: isoDateInDays(-enrolledDaysAgo + 3) });
      await publish(afterTheLast.version).expect(200);
      expect(await harness.db.query(`SELECT reason, rule_version, amount_cents, decided_at FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentId])).toEqual(before);
    });
  });
});
