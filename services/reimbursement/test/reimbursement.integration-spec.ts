import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@napl/auth';
import { describePlatformConformance, type TenantFixture, type TestService } from '@napl/testing';
import { ReimbursementConfig } from '../src/reimbursement.config';
import { REIMBURSEMENT_SERVICE } from '../src/reimbursement.description';
import { ReimbursementModule } from '../src/reimbursement.module';

describePlatformConformance({
  description: REIMBURSEMENT_SERVICE,
  configClass: ReimbursementConfig,
  module: (config, auth) => ReimbursementModule.forRoot(config, auth),
  tenantFixture: utrechtStadClaims,
});

const UTRECHT_SCHOOL = '12AB00';
const HAGUE_SCHOOL = '34CD01';

/**
 * Tenant A: the region Utrecht Stad with school 12AB00, a budget for the enrolments' year, three enrolments of that
 * school (one in the ministry's review queue, one on a draft claim, one on an approved claim and so on an open
 * statement). Haaglanden is the other region. The enrolments' facts are written as the event handlers would have
 * stored them (the handlers have their own tests); everything else goes through the API.
 */
async function utrechtStadClaims(running: TestService<ReimbursementConfig>): Promise<TenantFixture> {
  const ministry = `Bearer ${await running.tokenFor('ministerie-ocw')}`;
  const region = `Bearer ${await running.tokenFor('regio-utrecht-stad')}`;
  const http = () => running.http();
  for (const [regionId, name] of [
    [DEMO_IDS.regionUtrechtStad, 'Utrecht Stad'],
    [DEMO_IDS.regionHaaglanden, 'Haaglanden'],
  ]) {
    await http().post('/v1/regions').set('Authorization', ministry).send({ regionId, name, kind: 'area' }).expect(201);
  }
  const year = new Date().getUTCFullYear();
  const enrolledOn = `${year}-01-15`;
  await http().put(`/v1/regions/${DEMO_IDS.regionUtrechtStad}/budgets/${year}`).set('Authorization', ministry).send({ amountCents: 10_000_000 }).expect(201);
  const rule = {
    validFrom: `${year - 1}-08-01`,
    costTypes: ['tuition'],
    percentageBasisPoints: 5_000,
    maxPerParticipantPerOfferCents: 100_000,
    maxPerParticipantPerSchoolYearCents: 150_000,
    participation: { kind: 'started' },
    reviewAboveCents: 90_000,
    note: 'Conformance',
  };
  const { version } = (await http().post('/v1/rules').set('Authorization', ministry).send(rule).expect(201)).body;
  await http().post(`/v1/rules/${version}/publish`).set('Authorization', ministry).expect(200);

  const offerId = randomUUID();
  await running.dataSource.query(`INSERT INTO known_mark (mark_id, offer_id, offer_version, granted_at, valid_until) VALUES ($1, $2, 1, $3, $4)`, [
    randomUUID(),
    offerId,
    new Date(`${year - 1}-01-01T00:00:00Z`),
    new Date(`${year + 2}-01-01T00:00:00Z`),
  ]);
  const enrolment = async (priceCents: number): Promise<string> => {
    const enrolmentId = randomUUID();
    await running.dataSource.query(
      `INSERT INTO enrolment_fact (enrolment_id, teacher_id, offer_id, run_id, provider_id, school_id, sector, price_cents, status, enrolled_on, started)
       VALUES ($1, $2, $3, $4, $5, $6, 'po', $7, 'confirmed', $8, true)`,
      [enrolmentId, randomUUID(), offerId, randomUUID(), DEMO_IDS.providerHanze, UTRECHT_SCHOOL, priceCents, enrolledOn],
    );
    return enrolmentId;
  };
  const inReview = await enrolment(300_000);
  const onDraft = await enrolment(100_000);
  const onApproved = await enrolment(120_000);
  // Putting the school in its region judges its enrolments.
  await http().put(`/v1/school-locations/${UTRECHT_SCHOOL}`).set('Authorization', ministry).send({ regionId: DEMO_IDS.regionUtrechtStad }).expect(201);
  await http().put(`/v1/school-locations/${HAGUE_SCHOOL}`).set('Authorization', ministry).send({ regionId: DEMO_IDS.regionHaaglanden }).expect(201);

  const draft = (await http().post('/v1/claims').set('Authorization', region).send({ enrolmentIds: [onDraft] }).expect(201)).body;
  const approved = (await http().post('/v1/claims').set('Authorization', region).send({ enrolmentIds: [onApproved] }).expect(201)).body;
  await http().post(`/v1/claims/${approved.claimId}/submit`).set('Authorization', region).expect(200);
  await http().post(`/v1/claims/${approved.claimId}/decision`).set('Authorization', ministry).send({ decision: 'approved' }).expect(200);
  const [statement] = (await http().get('/v1/statements').set('Authorization', region).expect(200)).body.items;

  return {
    pathParams: {
      regionId: DEMO_IDS.regionUtrechtStad,
      schoolId: UTRECHT_SCHOOL,
      year: String(year),
      code: '2029-2034',
      version: String(version),
      enrolmentId: inReview,
      claimId: draft.claimId,
      statementId: statement.statementId,
    },
    bodies: {
      'POST /v1/regions': { regionId: 'conformance-regio', name: 'Conformance', kind: 'area' },
      'PUT /v1/regions/{regionId}': { name: 'Utrecht Stad', kind: 'area' },
      'PUT /v1/school-locations/{schoolId}': { regionId: DEMO_IDS.regionUtrechtStad },
      'PUT /v1/regions/{regionId}/budgets/{year}': { amountCents: 10_000_000 },
      'POST /v1/budget/tranches/{code}/release': { note: 'Tussenevaluatie positief, tweede tranche vrijgegeven.' },
      'POST /v1/rules': { ...rule, validFrom: `${year + 5}-08-01` },
      'PUT /v1/rules/{version}': { ...rule, validFrom: `${year + 5}-08-01` },
      'PUT /v1/enrolments/{enrolmentId}/costs': { materialsCents: 1_000, studyLeaveCents: 0, substituteCoverCents: 0 },
      'POST /v1/review-cases/{enrolmentId}/decision': { decision: 'approved', note: 'Kosten aangetoond met een factuur.' },
      'POST /v1/claims': { enrolmentIds: [onDraft] },
      'POST /v1/claims/{claimId}/decision': { decision: 'approved' },
      'POST /v1/claims/{claimId}/amendments': { note: 'Regel 1 alsnog afgewezen na controle.', lines: [{ lineNo: 1, decision: 'rejected', reason: 'Geen bewijs van deelname.' }] },
      'POST /v1/statements/{statementId}/pay': { paymentReference: 'CONFORMANCE-1' },
    },
    shared: {
      'GET /v1/regions/{regionId}': 'the list of education regions is public',
      'GET /v1/rules/{version}': 'a published rule version is public',
    },
    privateIds: [inReview, onDraft, onApproved, draft.claimId, approved.claimId, statement.statementId],
  };
}
