import { randomUUID } from 'node:crypto';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { DEMO_IDS, type Principal } from '@napl/auth';
import { EnrolmentsEvents, QualityEvents } from '@napl/contracts';
import { eventually, isoDateInDays, waitUntilConsumed } from '@napl/testing';
import { MarkExpiryScheduler } from '../src/marks/application/mark-expiry.scheduler';
import { MarksService } from '../src/marks/application/marks.service';
import { QualityHarness, REQUIRED_V1 } from './quality-test-kit';

const hanze = DEMO_IDS.providerHanze;
const windesheim = DEMO_IDS.providerWindesheim;
// A conditions deadline in next year's summer time (UTC+2), well within a mark's validity: its conditions lapse at
// midnight in Amsterdam, 22:00 UTC.
const nextYear = new Date().getUTCFullYear() + 1;
const DEADLINE = `${nextYear}-07-15`;
const LAPSE = new Date(`${nextYear}-07-15T22:00:00Z`);
const teacher = (n: number): Principal => ({ subject: `test-docent-${n}`, roles: ['teacher'], teacherId: randomUUID() });

describe('quality: from submission to quality mark, with evaluations and history (real Postgres and Kafka)', () => {
  let quality: QualityHarness;

  beforeAll(async () => {
    quality = await QualityHarness.start({ QUALITY_EVALUATION_MIN_RESPONSES: '3', QUALITY_EVALUATION_THRESHOLD: '3', QUALITY_MARK_VALIDITY_MONTHS: '36' });
  });

  afterAll(() => quality?.close());

  /** A submitted and approved offer version, with its mark id; with a deadline, approved under a condition. */
  async function approvedOffer(
    providerId: string = hanze,
    conditionsDeadline?: string,
  ): Promise<{ offerId: string; assessmentId: string; markId: string; validUntil: Date }> {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId });
    await quality.scoreAll(assessment.id);
    const body = conditionsDeadline
      ? { outcome: 'approved-with-conditions', summary: 'Voldoet, onder voorwaarde.', conditions: ['Klachtenregeling publiceren'], conditionsDeadline }
      : { outcome: 'approved', summary: 'Voldoet.' };
    const decision = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, body);
    expect(decision.status).toBe(200);
    const [approved] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferApproved, offerId);
    return { offerId, assessmentId: assessment.id, markId: approved.markId, validUntil: timestampDate(approved.validUntil!) };
  }

  /** Every item of a paged list, following nextCursor; fails on an item seen twice. */
  async function allPages(account: string | Principal, path: string, limit = 100): Promise<{ id: string; providerId: string }[]> {
    const items: { id: string; providerId: string }[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await quality.as(account).get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      expect(page.body.hasMore).toBe(page.body.nextCursor !== null);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('seeds framework version 1 from the domain description', async () => {
    const response = await quality.as('beoordelaar-1').get('/v1/frameworks/current');
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(1);
    expect(response.body.criteria.map((c: { code: string }) => c.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7']);
    expect(response.body.criteria.filter((c: { required: boolean }) => c.required).map((c: { code: string }) => c.code)).toEqual(REQUIRED_V1);
  });

  it('opens a case for a submitted offer, and approval issues a mark announced with its validity', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: hanze });
    const [opened] = await quality.eventOf(quality.assessmentTopic, QualityEvents.AssessmentOpened, offerId);
    expect(opened).toMatchObject({ assessmentId: assessment.id, offerVersion: 1, providerId: hanze, frameworkVersion: 1, reassessment: false });

    // A repeated submission of the same version joins the open case (submitOffer waits until quality consumed it).
    expect((await quality.submitOffer({ offerId, version: 1, providerId: hanze })).id).toBe(assessment.id);
    expect((await quality.as('beoordelaar-1').get(`/v1/assessments?offerId=${offerId}`)).body.items).toHaveLength(1);

    await quality.scoreAll(assessment.id, ['K4']); // a weighed criterion not met does not block approval
    const conditionsDeadline = isoDateInDays(180);
    const decided = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/decision`, {
      outcome: 'approved-with-conditions',
      summary: 'Voldoet, met een voorwaarde.',
      conditions: ['Klachtenregeling op de website publiceren'],
      conditionsDeadline,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved-with-conditions');

    const [approved] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferApproved, offerId);
    expect(approved).toMatchObject({
      assessmentId: assessment.id,
      offerVersion: 1,
      providerId: hanze,
      frameworkVersion: 1,
      conditions: ['Klachtenregeling op de website publiceren'],
      conditionsDeadline,
    });
    const months = (timestampDate(approved.validUntil!).getTime() - timestampDate(approved.decidedAt!).getTime()) / (30.44 * 86_400_000);
    expect(Math.round(months)).toBe(36);
    const mark = await quality.as('opleider-hanze').get(`/v1/marks/${approved.markId}`);
    expect(mark.body).toMatchObject({ status: 'valid', offerId, offerVersion: 1, frameworkVersion: 1 });

    const again = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/scores`, {
      scores: [{ criterionCode: 'K1', met: false, justification: 'te laat' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/al beslist/);
  });

  it('refuses approval while a required criterion is not met; a rejection names the reasons and a new version opens a new case', async () => {
    const offerId = randomUUID();
    const first = await quality.submitOffer({ offerId, version: 1, providerId: windesheim });
    await quality.as('beoordelaar-1').post(`/v1/assessments/${first.id}/scores`, { scores: [{ criterionCode: 'K1', met: true, justification: 'ok' }] });
    const incomplete = await quality.as('beoordelaar-1').post(`/v1/assessments/${first.id}/decision`, { outcome: 'rejected', summary: 'x' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'SCORES_INCOMPLETE' });

    await quality.scoreAll(first.id, ['K2', 'K6']);
    const refused = await quality.as('beoordelaar-1').post(`/v1/assessments/${first.id}/decision`, { outcome: 'approved', summary: 'Goed' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'REQUIRED_CRITERIA_NOT_MET', criteria: ['K2', 'K6'] });
    expect(refused.body.detail).toMatch(/verplichte criteria/);

    const rejected = await quality.as('beoordelaar-1').post(`/v1/assessments/${first.id}/decision`, {
      outcome: 'rejected',
      summary: 'Onderbouwing en opleiders onvoldoende.',
    });
    expect(rejected.status).toBe(200);
    const [rejection] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferRejected, offerId);
    expect(rejection).toMatchObject({ assessmentId: first.id, offerVersion: 1, providerId: windesheim, summary: 'Onderbouwing en opleiders onvoldoende.' });
    expect(rejection.reasons.map((reason) => [reason.criterionCode, reason.reason])).toEqual([
      ['K2', 'K2: onvoldoende onderbouwd'],
      ['K6', 'K6: onvoldoende onderbouwd'],
    ]);

    // The provider reworks the offer and submits version 2: a new case.
    const second = await quality.submitOffer({ offerId, version: 2, providerId: windesheim });
    expect(second.id).not.toBe(first.id);
    await quality.scoreAll(second.id);
    await quality.as('beoordelaar-1').post(`/v1/assessments/${second.id}/decision`, { outcome: 'approved', summary: 'Nu in orde.' });
    const [approved] = await quality.eventOf(quality.assessmentTopic, QualityEvents.OfferApproved, offerId);
    expect(approved).toMatchObject({ assessmentId: second.id, offerVersion: 2 });

    const own = await quality.as('opleider-windesheim').get(`/v1/assessments?offerId=${offerId}`);
    expect(own.body.items.map((a: { status: string }) => a.status)).toEqual(['rejected', 'approved']);
    const other = await quality.as('opleider-hanze').get(`/v1/assessments?offerId=${offerId}`);
    expect(other.body).toMatchObject({ items: [], hasMore: false, nextCursor: null });
  });

  it('refuses a linked assessor (conflict of interest) and anyone who is not an assessor', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: windesheim });
    const notAdmin = await quality.as('beoordelaar-1').post('/v1/assessor-links', { assessorSubject: 'demo-beoordelaar-2', providerId: windesheim, description: 'x' });
    expect(notAdmin.status).toBe(403);
    const link = await quality.as('beheerder').post('/v1/assessor-links', {
      assessorSubject: 'demo-beoordelaar-2',
      providerId: windesheim,
      description: 'Docent bij deze hogeschool',
    });
    expect(link.status).toBe(201);
    expect((await quality.as('beheerder').post('/v1/assessor-links', link.body)).status).toBe(400); // read-only fields are not input

    const conflicted = await quality.as('beoordelaar-2').post(`/v1/assessments/${assessment.id}/scores`, {
      scores: [{ criterionCode: 'K1', met: true, justification: 'ok' }],
    });
    expect(conflicted.status).toBe(403);
    expect(conflicted.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
    expect(conflicted.body.detail).toMatch(/verbonden aan de aanbieder/);

    for (const account of ['docent-anne', 'opleider-windesheim', 'ministerie-ocw']) {
      const response = await quality.as(account).post(`/v1/assessments/${assessment.id}/scores`, {
        scores: [{ criterionCode: 'K1', met: true, justification: 'ok' }],
      });
      expect(response.status).toBe(403);
    }
    // An unlinked assessor may judge it.
    await quality.scoreAll(assessment.id);
    expect((await quality.as('beoordelaar-1').get(`/v1/assessments/${assessment.id}`)).body.scores).toHaveLength(7);
  });

  it('confines a provider user to its own cases and marks, also when its token carries a second role', async () => {
    const own = await approvedOffer(windesheim);
    const other = await approvedOffer(hanze);
    const providerAndTeacher: Principal = { subject: 'test-opleider-docent', roles: ['provider', 'teacher'], providerId: windesheim };

    const cases = await quality.as(providerAndTeacher).get('/v1/assessments');
    expect(cases.status).toBe(200);
    const ownCases = await allPages(providerAndTeacher, '/v1/assessments');
    expect(ownCases.length).toBeGreaterThan(0);
    expect(ownCases.every((assessment: { providerId: string }) => assessment.providerId === windesheim)).toBe(true);
    expect(ownCases.map((assessment: { id: string }) => assessment.id)).toContain(own.assessmentId);
    const asked = await allPages(providerAndTeacher, `/v1/assessments?providerId=${hanze}`); // the token's scope wins
    expect(asked.map((assessment: { providerId: string }) => assessment.providerId)).not.toContain(hanze);
    expect((await quality.as(providerAndTeacher).get(`/v1/assessments?offerId=${other.offerId}`)).body.items).toEqual([]);
    expect((await quality.as(providerAndTeacher).get(`/v1/assessments/${own.assessmentId}`)).status).toBe(200);
    expect((await quality.as(providerAndTeacher).get(`/v1/assessments/${other.assessmentId}`)).status).toBe(404);

    // Marks are public (whether an offer holds one is what teachers search on); their conditions are not.
    const marks = await quality.as(providerAndTeacher).get(`/v1/marks?providerId=${hanze}`);
    expect(marks.status).toBe(200);
    const otherMark = marks.body.items.find((mark: { id: string }) => mark.id === other.markId);
    expect(otherMark).toMatchObject({ providerId: hanze, status: 'valid', withConditions: false });
    expect(otherMark).not.toHaveProperty('conditions');
    expect(otherMark).not.toHaveProperty('assessmentId');
    expect((await quality.as(providerAndTeacher).get(`/v1/marks/${own.markId}`)).body).toMatchObject({ conditions: [], assessmentId: own.assessmentId });
    // Without a provider id such a token sees nothing; staff still see every provider.
    expect((await quality.as({ subject: 'test-opleider-zonder-id', roles: ['provider', 'teacher'] }).get('/v1/assessments')).body.items).toEqual([]);
    const staff = await quality.as('beoordelaar-1').get(`/v1/assessments?offerId=${other.offerId}`);
    expect(staff.body.items.map((assessment: { id: string }) => assessment.id)).toEqual([other.assessmentId]);
  });

  it('refuses an assessor whose token is scoped to the offer\'s provider (conflict of interest)', async () => {
    const assessorOfHanze: Principal = { subject: 'test-beoordelaar-opleider', roles: ['assessor', 'provider'], providerId: hanze };
    const ownOffer = await quality.submitOffer({ offerId: randomUUID(), version: 1, providerId: hanze });
    for (const [path, body] of [
      [`/v1/assessments/${ownOffer.id}/scores`, { scores: [{ criterionCode: 'K1', met: true, justification: 'ok' }] }],
      [`/v1/assessments/${ownOffer.id}/decision`, { outcome: 'rejected', summary: 'Nee.' }],
    ] as const) {
      const response = await quality.as(assessorOfHanze).post(path, body);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
      expect(response.body.detail).toMatch(/verbonden aan de aanbieder/);
    }
    // Another provider's offer it may judge.
    const otherOffer = await quality.submitOffer({ offerId: randomUUID(), version: 1, providerId: windesheim });
    await quality.scoreAll(otherOffer.id, [], assessorOfHanze);
  });

  it('answers bad input with a Dutch 400, never a 500', async () => {
    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: hanze });
    const cases: [string, unknown][] = [
      [`/v1/assessments/${assessment.id}/scores`, { scores: [{ criterionCode: 'K1', met: 'ja', score: 9 }] }],
      [`/v1/assessments/${assessment.id}/scores`, { scores: [] }],
      [`/v1/assessments/${assessment.id}/scores`, { scores: [{ criterionCode: 'K99', met: true, justification: 'x' }] }],
      [`/v1/assessments/${assessment.id}/decision`, { outcome: 'misschien', summary: 'x' }],
      [`/v1/assessments/${assessment.id}/decision`, { outcome: 'approved-with-conditions', summary: 'x', conditionsDeadline: '30-06-2027' }],
      ['/v1/assessments/niet-een-uuid/scores', { scores: [{ criterionCode: 'K1', met: true, justification: 'x' }] }],
    ];
    for (const [path, body] of cases) {
      const response = await quality.as('beoordelaar-1').post(path, body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.title).toBe('Ongeldige invoer');
      expect(response.body.detail).not.toMatch(/must|should|Validation failed/);
    }
    const badScore = await quality.as('beoordelaar-1').post(`/v1/assessments/${assessment.id}/scores`, { scores: [{ criterionCode: 'K1', met: 'ja', score: 9 }] });
    expect(badScore.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'scores.0.met', messages: ['moet waar of onwaar zijn'] },
        { field: 'scores.0.score', messages: ['is te groot'] },
        { field: 'scores.0.justification', messages: expect.arrayContaining(['mag niet leeg zijn']) },
      ]),
    );
    expect((await quality.as('beoordelaar-1').get('/v1/frameworks/abc')).status).toBe(400);
    expect((await quality.as('beoordelaar-1').get(`/v1/assessments/${randomUUID()}`)).status).toBe(404);
  });

  it('lets the ministry publish a new framework version; new cases use it, existing marks keep theirs', async () => {
    const before = await approvedOffer();
    const invalid = await quality.as('ministerie-ocw').post('/v1/frameworks', {
      notes: 'Zonder verplichte criteria',
      criteria: [{ code: 'X1', title: 't', description: 'd', evidence: 'e', required: false }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.detail).toMatch(/minstens één verplicht criterium/);
    const current = (await quality.as('ministerie-ocw').get('/v1/frameworks/current')).body;
    const next = {
      notes: 'Versie 2: digitale geletterdheid toegevoegd',
      criteria: [
        ...current.criteria,
        { code: 'K8', title: 'Digitale geletterdheid', description: 'Aandacht voor digitale middelen.', evidence: 'Lesmateriaal.', required: false },
      ],
    };
    expect((await quality.as('beoordelaar-1').post('/v1/frameworks', next)).status).toBe(403);
    const published = await quality.as('ministerie-ocw').post('/v1/frameworks', next);
    expect(published.status).toBe(201);
    const version = published.body.version as number;
    expect(version).toBeGreaterThan(1);

    const offerId = randomUUID();
    const assessment = await quality.submitOffer({ offerId, version: 1, providerId: hanze });
    expect(assessment.frameworkVersion).toBe(version);
    const detail = await quality.as('beoordelaar-1').get(`/v1/assessments/${assessment.id}`);
    expect(detail.body.criteria).toHaveLength(8);
    expect((await quality.as('beoordelaar-1').get(`/v1/marks/${before.markId}`)).body.frameworkVersion).toBe(1);
  });

  it('expires a mark on time, announcing it exactly once even when runs overlap', async () => {
    const { offerId, markId, validUntil } = await approvedOffer();
    const scheduler = quality.service.app.get(MarkExpiryScheduler);
    await scheduler.tick(new Date(validUntil.getTime() - 1000)); // may expire marks of earlier tests, not this one
    expect((await quality.as('beoordelaar-1').get(`/v1/marks/${markId}`)).body.status).toBe('valid');

    // Two overlapping runs, as two instances would make: the mark is taken once.
    const marks = quality.service.app.get(MarksService);
    const counts = await Promise.all([marks.expireDueMarks(new Date(validUntil.getTime() + 1000)), marks.expireDueMarks(new Date(validUntil.getTime() + 1000))]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await scheduler.tick(new Date(validUntil.getTime() + 5000))).toBe(0);

    const [expired] = await quality.eventOf(quality.markTopic, QualityEvents.MarkExpired, offerId);
    expect(expired).toMatchObject({ markId, offerVersion: 1, providerId: hanze });
    expect(timestampDate(expired.expiredAt!).getTime()).toBe(validUntil.getTime());
    await quality.markTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.markTopic, QualityEvents.MarkExpired, offerId).filter((e) => e.markId === markId)).toHaveLength(1);
    expect((await quality.as('beoordelaar-1').get(`/v1/marks/${markId}`)).body.status).toBe('expired');
    // Across all marks of this file: one announcement per expired mark, none twice (read up to now on each mark's key).
    const expiredMarks: { offer_id: string }[] = await quality.service.dataSource.query(`SELECT offer_id FROM quality_mark WHERE status = 'expired'`);
    await quality.markTopic.catchUp(quality.service, offerId, ...expiredMarks.map((mark) => mark.offer_id).filter((key) => key !== offerId));
    const announced = quality.markTopic.messages.filter((m) => m.headers['napl-event-type'] === QualityEvents.MarkExpired.type);
    expect(announced).toHaveLength(expiredMarks.length);
  });

  it('lets the ministry revoke a mark with a reason, once', async () => {
    const { offerId, markId } = await approvedOffer();
    expect((await quality.as('beoordelaar-1').post(`/v1/marks/${markId}/revocation`, { reason: 'x' })).status).toBe(403);
    expect((await quality.as('ministerie-ocw').post(`/v1/marks/${markId}/revocation`, { reason: '' })).status).toBe(400);
    const revoked = await quality.as('ministerie-ocw').post(`/v1/marks/${markId}/revocation`, { reason: 'Klachten over de uitvoering bevestigd.' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', endReason: 'Klachten over de uitvoering bevestigd.' });
    const [event] = await quality.eventOf(quality.markTopic, QualityEvents.MarkRevoked, offerId);
    expect(event).toMatchObject({ markId, reason: 'Klachten over de uitvoering bevestigd.', providerId: hanze });
    const again = await quality.as('ministerie-ocw').post(`/v1/marks/${markId}/revocation`, { reason: 'Nogmaals' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/niet \(meer\) geldig/);
  });

  it('takes evaluations once per completed enrolment and announces a re-assessment once when the average falls below the threshold', async () => {
    const { offerId } = await approvedOffer(hanze);
    const teachers = [1, 2, 3, 4].map(teacher);
    const enrolments: string[] = [];
    for (const principal of teachers) {
      enrolments.push(await quality.completeEnrolment({ teacherId: principal.teacherId!, offerId, offerVersion: 1, providerId: hanze }));
    }
    await eventually(async () => ((await quality.as(teachers[3]).get('/v1/evaluations/open')).body.length === 1 ? true : undefined), 15_000, 'the invitations');
    const answer = (enrolmentId: string, value: number) => ({
      enrolmentId,
      relevance: value,
      teachingEffect: value,
      trainerQuality: value,
      wouldRecommend: value,
      comment: 'Weinig bruikbaar in mijn klas.',
    });

    expect((await quality.as(teachers[1]).post('/v1/evaluations', answer(enrolments[0], 2))).status).toBe(404); // not theirs
    expect((await quality.as('beoordelaar-1').post('/v1/evaluations', answer(enrolments[0], 2))).status).toBe(403);
    expect((await quality.as(teachers[0]).post('/v1/evaluations', { ...answer(enrolments[0], 2), relevance: 6 })).status).toBe(400);
    expect((await quality.as(teachers[0]).post('/v1/evaluations', answer(enrolments[0], 2))).status).toBe(201);
    const twice = await quality.as(teachers[0]).post('/v1/evaluations', answer(enrolments[0], 2));
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/al geëvalueerd/);
    expect((await quality.as(teachers[1]).post('/v1/evaluations', answer(enrolments[1], 2))).status).toBe(201);
    await quality.assessmentTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.assessmentTopic, QualityEvents.ReassessmentRequired, offerId)).toHaveLength(0); // two of three

    expect((await quality.as(teachers[2]).post('/v1/evaluations', answer(enrolments[2], 3))).status).toBe(201);
    const [required] = await quality.eventOf(quality.assessmentTopic, QualityEvents.ReassessmentRequired, offerId);
    expect(required).toMatchObject({ offerVersion: 1, providerId: hanze, responseCount: 3, averageScoreHundredths: 233 });
    const reopened = await quality.eventOf(quality.assessmentTopic, QualityEvents.AssessmentOpened, offerId, 2);
    expect(reopened[1]).toMatchObject({ reassessment: true, offerVersion: 1 });

    // A further low response does not announce it again before the re-assessment.
    expect((await quality.as(teachers[3]).post('/v1/evaluations', answer(enrolments[3], 1))).status).toBe(201);
    await quality.assessmentTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.assessmentTopic, QualityEvents.ReassessmentRequired, offerId)).toHaveLength(1);

    const summary = await quality.as('opleider-hanze').get(`/v1/offers/${offerId}/evaluation-summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ responseCount: 4, overall: 200, perQuestion: { relevance: 200 } });
    expect(summary.body.reassessmentRequiredAt).not.toBeNull();
    expect(JSON.stringify(summary.body)).not.toContain(teachers[0].teacherId);
    // Another provider's offer answers exactly as an unknown one; a teacher has no role for it.
    const foreign = await quality.as('opleider-windesheim').get(`/v1/offers/${offerId}/evaluation-summary`);
    const unknown = await quality.as('opleider-windesheim').get(`/v1/offers/${randomUUID()}/evaluation-summary`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect((await quality.as('beoordelaar-1').get(`/v1/offers/${offerId}/evaluation-summary`)).status).toBe(200);
    expect((await quality.as('docent-anne').get(`/v1/offers/${offerId}/evaluation-summary`)).status).toBe(403);
  });

  it('keeps every score, decision and change with who, when and why, readable back', async () => {
    const { offerId, assessmentId, markId } = await approvedOffer(windesheim);
    await quality.as('ministerie-ocw').post(`/v1/marks/${markId}/revocation`, { reason: 'Onderzoek inspectie.' });
    const history = await quality.as('beoordelaar-1').get(`/v1/history?offerId=${offerId}`);
    expect(history.status).toBe(200);
    const actions = history.body.items.map((entry: { action: string }) => entry.action);
    expect(actions[0]).toBe('assessment-opened');
    const criteria = (await quality.as('beoordelaar-1').get(`/v1/assessments/${assessmentId}`)).body.criteria;
    expect(actions.filter((action: string) => action === 'criterion-scored')).toHaveLength(criteria.length);
    expect(actions.slice(-3).sort()).toEqual(['decision-taken', 'mark-issued', 'mark-revoked']);
    expect(actions.at(-1)).toBe('mark-revoked');
    const scored = history.body.items.find((entry: { action: string }) => entry.action === 'criterion-scored');
    expect(scored).toMatchObject({ subjectId: assessmentId, actor: 'demo-beoordelaar-1', reason: 'K1: aangetoond', details: { criterionCode: 'K1', met: true } });
    expect(history.body.items.at(-1)).toMatchObject({ actor: 'demo-ministerie-ocw', reason: 'Onderzoek inspectie.' });
    expect(new Date(history.body.items.at(-1).recordedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect((await quality.as('opleider-windesheim').get(`/v1/history?offerId=${offerId}`)).status).toBe(403);
    expect((await quality.as('beoordelaar-1').get('/v1/history')).status).toBe(400);
    // The table refuses rewriting history.
    await expect(quality.service.dataSource.query(`DELETE FROM history_entry WHERE offer_id = $1`, [offerId])).rejects.toThrow(/append-only/);
  });

  it('revokes a mark whose conditions are not met by the end of the deadline day, announcing it once even when runs overlap', async () => {
    const { offerId, markId, validUntil } = await approvedOffer(hanze, DEADLINE);
    const scheduler = quality.service.app.get(MarkExpiryScheduler);
    const marks = quality.service.app.get(MarksService);
    // Its conditions lapse before it would expire, so an expiry run (here one that is very late) leaves it alone.
    await marks.expireDueMarks(new Date(validUntil.getTime() + 1000));
    await scheduler.tick(new Date(LAPSE.getTime() - 1000)); // 23:59:59 on the deadline day in Amsterdam
    expect((await quality.as('beoordelaar-1').get(`/v1/marks/${markId}`)).body.status).toBe('valid');

    // Two overlapping runs, as two instances would make: the mark is taken once.
    const counts = await Promise.all([marks.revokeLapsedConditions(LAPSE), marks.revokeLapsedConditions(LAPSE)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await scheduler.tick(new Date(LAPSE.getTime() + 5000));

    const [revoked] = await quality.eventOf(quality.markTopic, QualityEvents.MarkRevoked, offerId);
    expect(revoked).toMatchObject({ markId, offerVersion: 1, providerId: hanze, reason: 'De voorwaarden van het keurmerk zijn niet op tijd vervuld.' });
    expect(timestampDate(revoked.revokedAt!).getTime()).toBe(LAPSE.getTime());
    const mark = (await quality.as('beoordelaar-1').get(`/v1/marks/${markId}`)).body;
    expect(mark).toMatchObject({ status: 'revoked', endReason: 'De voorwaarden van het keurmerk zijn niet op tijd vervuld.', conditionsFulfilledAt: null });
    expect(new Date(mark.endedAt).getTime()).toBe(LAPSE.getTime());
    const history = await quality.as('beoordelaar-1').get(`/v1/history?subjectType=mark&subjectId=${markId}`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'mark-revoked',
      actor: 'system',
      reason: 'De voorwaarden van het keurmerk zijn niet op tijd vervuld.',
      details: { cause: 'conditions-deadline-passed', conditionsDeadline: DEADLINE },
    });
    const late = await quality.as('beoordelaar-1').post(`/v1/marks/${markId}/conditions-fulfilment`, { justification: 'Toch nog gepubliceerd.' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'MARK_NOT_VALID' });
    await quality.markTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.markTopic, QualityEvents.MarkRevoked, offerId)).toHaveLength(1);
  });

  it('lets an unlinked assessor declare the conditions met, so the deadline passes without revocation', async () => {
    const { offerId, markId } = await approvedOffer(windesheim, DEADLINE);
    const path = `/v1/marks/${markId}/conditions-fulfilment`;
    const justification = 'Klachtenregeling staat sinds deze week op de website.';
    const linkedAssessor: Principal = { subject: 'test-beoordelaar-gekoppeld', roles: ['assessor'] };
    const link = { assessorSubject: linkedAssessor.subject, providerId: windesheim, description: 'Adviseur van deze hogeschool' };
    expect((await quality.as('beheerder').post('/v1/assessor-links', link)).status).toBe(201);
    const conflicted = await quality.as(linkedAssessor).post(path, { justification });
    expect(conflicted.status).toBe(403);
    expect(conflicted.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
    for (const account of ['docent-anne', 'opleider-windesheim']) expect((await quality.as(account).post(path, { justification })).status).toBe(403);
    expect((await quality.as('beoordelaar-1').post(path, { justification: '  ' })).status).toBe(400);

    const fulfilled = await quality.as('beoordelaar-1').post(path, { justification });
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body).toMatchObject({ status: 'valid', conditions: ['Klachtenregeling publiceren'], conditionsDeadline: DEADLINE });
    expect(new Date(fulfilled.body.conditionsFulfilledAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const again = await quality.as('beoordelaar-1').post(path, { justification });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'NO_OPEN_CONDITIONS' });
    const history = await quality.as('beoordelaar-1').get(`/v1/history?subjectType=mark&subjectId=${markId}`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'mark-conditions-fulfilled', actor: 'demo-beoordelaar-1', reason: justification });

    await quality.service.app.get(MarkExpiryScheduler).tick(new Date(LAPSE.getTime() + 86_400_000));
    expect((await quality.as('beoordelaar-1').get(`/v1/marks/${markId}`)).body.status).toBe('valid');

    // A mark without conditions has nothing to fulfil.
    const unconditional = await approvedOffer(hanze);
    const none = await quality.as('beoordelaar-1').post(`/v1/marks/${unconditional.markId}/conditions-fulfilment`, { justification });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'NO_OPEN_CONDITIONS' });
    await quality.markTopic.catchUp(quality.service, offerId);
    expect(quality.events(quality.markTopic, QualityEvents.MarkRevoked, offerId)).toHaveLength(0);
  });

  it('shows a mark to everyone and its conditions only to its provider and the quality staff; another provider gets the 404 of an unknown mark', async () => {
    const { markId, assessmentId } = await approvedOffer(hanze, DEADLINE);
    const path = `/v1/marks/${markId}/conditions`;
    for (const account of ['opleider-hanze', 'beoordelaar-1', 'ministerie-ocw', 'beheerder']) {
      const own = await quality.as(account).get(path);
      expect(own.status).toBe(200);
      expect(own.body).toEqual({ markId, assessmentId, conditions: ['Klachtenregeling publiceren'], conditionsDeadline: DEADLINE, conditionsFulfilledAt: null, endReason: null });
      expect((await quality.as(account).get(`/v1/marks/${markId}`)).body).toMatchObject({ conditions: ['Klachtenregeling publiceren'], withConditions: true });
    }
    const unknown = await quality.as('opleider-windesheim').get(`/v1/marks/${randomUUID()}/conditions`);
    expect(unknown.status).toBe(404);
    for (const account of ['opleider-windesheim', 'docent-anne', 'schoolleider-utrecht', 'regio-utrecht-stad']) {
      const foreign = await quality.as(account).get(path);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(unknown.body);
      // The mark itself is public: that the offer holds one, and until when; not what was agreed.
      const publicView = await quality.as(account).get(`/v1/marks/${markId}`);
      expect(publicView.status).toBe(200);
      expect(publicView.body).toMatchObject({ id: markId, providerId: hanze, status: 'valid', withConditions: true });
      expect(JSON.stringify(publicView.body)).not.toMatch(/Klachtenregeling|conditionsDeadline|endReason|assessmentId/);
    }
  });

  it('pages every list with a cursor: all rows over several pages, none lost or repeated, and a forged cursor is a 400', async () => {
    // A provider of its own, so the counts are this test's.
    const provider = randomUUID();
    const offerIds = Array.from({ length: 7 }, () => randomUUID());
    const cases = await Promise.all(offerIds.map((offerId) => quality.submitOffer({ offerId, version: 1, providerId: provider })));
    const expected = cases.map((found) => found.id).sort();

    const paged = await allPages('beoordelaar-1', `/v1/assessments?providerId=${provider}`, 3);
    expect(paged.map((found) => found.id).sort()).toEqual(expected);
    expect(new Set(paged.map((found) => found.id)).size).toBe(7);
    const first = await quality.as('beoordelaar-1').get(`/v1/assessments?providerId=${provider}&limit=3`);
    expect(first.body).toMatchObject({ limit: 3, hasMore: true });
    expect(first.body.items).toHaveLength(3);
    const last = await quality.as('beoordelaar-1').get(`/v1/assessments?providerId=${provider}&limit=7`);
    expect(last.body).toMatchObject({ hasMore: false, nextCursor: null });

    // History and marks page the same way.
    const { offerId, markId } = await approvedOffer(provider);
    const history = await allPages('beoordelaar-1', `/v1/history?offerId=${offerId}`, 4);
    const whole = (await quality.as('beoordelaar-1').get(`/v1/history?offerId=${offerId}&limit=100`)).body.items.map((entry: { id: string }) => entry.id);
    expect(history.map((entry) => entry.id)).toEqual(whole);
    expect(whole.length).toBeGreaterThan(8);
    expect((await allPages('docent-anne', `/v1/marks?providerId=${provider}`, 1)).map((mark) => mark.id)).toEqual([markId]);

    expect((await quality.as('beoordelaar-1').get('/v1/assessments?limit=101')).status).toBe(400);
    expect((await quality.as('beoordelaar-1').get('/v1/assessments?limit=0')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url');
    const refused = await quality.as('beoordelaar-1').get(`/v1/assessments?cursor=${forged}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('clears the comments a teacher wrote when their personal data is erased (TeacherErased), keeping the scores', async () => {
    const { offerId } = await approvedOffer(hanze);
    const [erased, kept] = [teacher(90), teacher(91)];
    const enrolments: string[] = [];
    for (const principal of [erased, kept]) {
      enrolments.push(await quality.completeEnrolment({ teacherId: principal.teacherId!, offerId, offerVersion: 1, providerId: hanze }));
    }
    await eventually(async () => ((await quality.as(kept).get('/v1/evaluations/open')).body.length === 1 ? true : undefined), 15_000, 'the invitations');
    const answers = { relevance: 4, teachingEffect: 4, trainerQuality: 4, wouldRecommend: 4 };
    expect((await quality.as(erased).post('/v1/evaluations', { ...answers, enrolmentId: enrolments[0], comment: 'Ik was vaak ziek, jammer.' })).status).toBe(201);
    expect((await quality.as(kept).post('/v1/evaluations', { ...answers, enrolmentId: enrolments[1], comment: 'Bruikbaar in mijn klas.' })).status).toBe(201);

    await waitUntilConsumed(quality.service, await quality.send(EnrolmentsEvents.TeacherErased, erased.teacherId!, { teacherId: erased.teacherId! }));

    const summary = await quality.as('opleider-hanze').get(`/v1/offers/${offerId}/evaluation-summary`);
    expect(summary.body.responseCount).toBe(2);
    expect(summary.body.comments.items.map((comment: { text: string }) => comment.text)).toEqual(['Bruikbaar in mijn klas.']);
    const rows: { comment: string }[] = await quality.service.dataSource.query(`SELECT comment FROM evaluation WHERE teacher_id = $1`, [erased.teacherId]);
    expect(rows).toEqual([{ comment: '' }]);
  });
});
