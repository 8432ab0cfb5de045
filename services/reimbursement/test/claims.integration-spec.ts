import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { todayInAmsterdam } from '@napl/domain';
import { isoDateInDays } from '@napl/testing';
import { calendarYearOf } from '../src/shared/domain/school-year';
import { ReimbursementHarness } from './support/reimbursement-harness';

/** A school id nobody else in this database has: BRIN (2 digits, 2 letters) plus location 00. */
function freshSchoolId(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  return `${String(Math.floor(Math.random() * 100)).padStart(2, '0')}${pick()}${pick()}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
}

/**
 * Claims of regions against the real Postgres and Kafka: built from eligible enrolments, checked line by line on
 * submission, committed against the budget in an append-only ledger, decided by the ministry and amended with a note.
 * Each rule version gives 50 % of the tuition (120,000 cents by default): 60,000 cents per enrolment.
 */
describe('claims', () => {
  let harness: ReimbursementHarness;
  let ministry: string;
  const year = calendarYearOf(todayInAmsterdam());

  beforeAll(async () => {
    harness = await ReimbursementHarness.start('claims');
    ministry = await harness.ministry();
    await harness.givenRule({ validFrom: isoDateInDays(-30) });
  }, 60_000);

  afterAll(() => harness?.close());

  /** A region with one school, a budget, an approved offer and a run: what every claim test starts from. */
  async function givenRegionWithOffer(budgetCents = 10_000_000) {
    const schoolId = freshSchoolId();
    const regionId = await harness.givenRegion([schoolId]);
    await harness.givenBudget(regionId, year, budgetCents);
    const { offerId } = await harness.approvedOffer();
    const runId = await harness.scheduledRun(offerId);
    return { regionId, schoolId, offerId, runId, token: await harness.regionUser(regionId) };
  }

  /**
   * For many requests at once, one listening server: supertest on an unbound server listens and closes it per
   * request, which resets the connections of the requests still running.
   */
  let baseUrl: string;
  beforeAll(async () => {
    const server = harness.service.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  const http = () => request(baseUrl);

  const draft = (token: string, enrolmentIds: string[]) => http().post('/v1/claims').set('Authorization', token).send({ enrolmentIds, reference: 'Q-test' });
  const submit = (token: string, claimId: string) => http().post(`/v1/claims/${claimId}/submit`).set('Authorization', token);
  const decide = (claimId: string, body: object) => harness.http().post(`/v1/claims/${claimId}/decision`).set('Authorization', ministry).send(body);

  it('lets exactly one of 50 concurrent claims of the same enrolment through; the others get a Dutch 409 naming the line', async () => {
    const given = await givenRegionWithOffer();
    const { enrolmentId } = await harness.completedEnrolment(given);
    const claimIds: string[] = [];
    for (let i = 0; i < 50; i++) claimIds.push((await draft(given.token, [enrolmentId]).expect(201)).body.claimId);

    const answers = await Promise.all(claimIds.map((claimId) => submit(given.token, claimId)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'LINE_ALREADY_CLAIMED', detail: expect.stringContaining(`regel 1 (inschrijving ${enrolmentId})`) });

    const [{ count }] = await harness.db.query(`SELECT count(*)::int AS count FROM ledger_entry WHERE enrolment_id = $1 AND kind = 'commitment'`, [enrolmentId]);
    expect(count).toBe(1);
    const winner = answers.find((answer) => answer.status === 200)!.body;
    expect(winner).toMatchObject({ status: 'submitted', lineCount: 1, totalCents: 60_000, lines: [{ lineNo: 1, enrolmentId, state: 'submitted', amountCents: 60_000, budgetYear: year }] });
    expect(await harness.outboxTypes(winner.claimId)).toEqual(['ClaimSubmitted']);
    // The enrolment's stored outcome now says it is claimed.
    const [outcome] = await harness.db.query(`SELECT reason FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentId]);
    expect(outcome.reason).toBe('ALREADY_REIMBURSED');

    // The database itself refuses a second active line for the enrolment, whatever the code above it checks.
    const loser = claimIds.find((claimId) => claimId !== winner.claimId)!;
    await expect(harness.db.query(`UPDATE claim_line SET state = 'submitted' WHERE claim_id = $1`, [loser])).rejects.toThrow(/claim_line_claimed_once/);
  }, 120_000);

  it('never exceeds a budget under 200 concurrent claim lines that together would', async () => {
    // Room for 120 lines of 60,000 cents and half a line more.
    const budget = 120 * 60_000 + 30_000;
    const given = await givenRegionWithOffer(budget);
    const enrolmentIds = await harness.givenCompletedEnrolments(200, given);
    const claimIds = await Promise.all(enrolmentIds.map(async (enrolmentId) => (await draft(given.token, [enrolmentId]).expect(201)).body.claimId as string));

    const answers = await Promise.all(claimIds.map((claimId) => submit(given.token, claimId)));
    const passed = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(passed).toHaveLength(120);
    expect(refused.map((answer) => answer.status)).toEqual(Array(80).fill(422));
    expect(refused[0].body).toMatchObject({ code: 'LINES_REFUSED', lines: [{ lineNo: 1, reason: 'BUDGET_EXHAUSTED' }] });
    expect(refused[0].body.detail).toMatch(/budget van de regio/);

    const sums = await harness.ledgerSums(given.regionId, year);
    expect(sums.commitment).toBe(120 * 60_000);
    expect(sums.commitment).toBeLessThanOrEqual(budget);
    const [{ available }] = await harness.db.query(
      `SELECT a.amount_cents - COALESCE(SUM(CASE e.kind WHEN 'commitment' THEN e.amount_cents WHEN 'commitment-release' THEN -e.amount_cents WHEN 'claw-back' THEN -e.amount_cents ELSE 0 END), 0) AS available
         FROM budget_allocation a LEFT JOIN ledger_entry e ON e.region_id = a.region_id AND e.budget_year = a.year
        WHERE a.region_id = $1 AND a.year = $2 GROUP BY a.amount_cents`,
      [given.regionId, year],
    );
    expect(Number(available)).toBe(30_000);
  }, 180_000);

  it('checks a claim\'s lines together: the caps per teacher over its lines, every failing line listed, nothing stored', async () => {
    const given = await givenRegionWithOffer();
    const teacherId = randomUUID();
    // One teacher, three offers of 120,000 cents each: 60,000 + 60,000 + the 30,000 left of the 150,000 per school year.
    const offers = [given, await givenRegionOffer(), await givenRegionOffer()];
    const enrolments = [];
    for (const offer of offers) enrolments.push((await harness.completedEnrolment({ ...given, offerId: offer.offerId, runId: offer.runId, teacherId })).enrolmentId);
    const notCompleted = (await harness.confirmed(given)).enrolmentId;

    const withFailure = (await draft(given.token, [...enrolments, notCompleted]).expect(201)).body;
    const refused = await submit(given.token, withFailure.claimId).expect(422);
    expect(refused.body).toMatchObject({ code: 'LINES_REFUSED', lines: [{ lineNo: 4, enrolmentId: notCompleted, reason: 'PARTICIPATION_NOT_ENOUGH' }] });
    expect(refused.body.detail).toMatch(/^1 van de 4 regel\(s\) kunnen niet worden gedeclareerd; er is niets vastgelegd\. Regel 4/);
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({});
    expect((await harness.http().get(`/v1/claims/${withFailure.claimId}`).set('Authorization', given.token).expect(200)).body.status).toBe('draft');

    const claim = (await draft(given.token, enrolments).expect(201)).body;
    const submitted = (await submit(given.token, claim.claimId).expect(200)).body;
    expect(submitted.lines.map((line: { amountCents: number }) => line.amountCents)).toEqual([60_000, 60_000, 30_000]);
    expect(submitted.totalCents).toBe(150_000);
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 150_000 });
    await submit(given.token, claim.claimId).expect(409, /al ingediend/);

    async function givenRegionOffer() {
      const { offerId } = await harness.approvedOffer();
      return { offerId, runId: await harness.scheduledRun(offerId) };
    }
  }, 120_000);

  it('refuses a claim with another region\'s enrolment (422, nothing stored) and a region user\'s look at another region\'s claim (404)', async () => {
    const own = await givenRegionWithOffer();
    const other = await givenRegionWithOffer();
    const [mine] = await harness.givenCompletedEnrolments(1, own);
    const [theirs] = await harness.givenCompletedEnrolments(1, other);

    const refused = await draft(own.token, [mine, theirs, randomUUID()]).expect(422);
    expect(refused.body).toMatchObject({ code: 'LINES_NOT_IN_REGION', lines: [{ lineNo: 2, enrolmentId: theirs }, { lineNo: 3 }] });
    expect(refused.body.detail).toMatch(/horen niet bij een school in uw regio/);
    const [{ count }] = await harness.db.query(`SELECT count(*)::int AS count FROM claim WHERE region_id = $1`, [own.regionId]);
    expect(count).toBe(0);

    const theirClaim = (await draft(other.token, [theirs]).expect(201)).body;
    await harness.http().get(`/v1/claims/${theirClaim.claimId}`).set('Authorization', own.token).expect(404, /bestaat niet/);
    await submit(own.token, theirClaim.claimId).expect(404);
    const listed = await harness.http().get('/v1/claims').set('Authorization', own.token).expect(200);
    expect(listed.body.items).toEqual([]);
    const all = await harness.http().get(`/v1/claims?regionId=${other.regionId}`).set('Authorization', ministry).expect(200);
    expect(all.body.items.map((claim: { claimId: string }) => claim.claimId)).toEqual([theirClaim.claimId]);
  }, 120_000);

  it('lists a region\'s claims newest first, a page at a time, and filters by status', async () => {
    const given = await givenRegionWithOffer();
    const enrolmentIds = await harness.givenCompletedEnrolments(3, given);
    const created: string[] = [];
    for (const enrolmentId of enrolmentIds) created.push((await draft(given.token, [enrolmentId]).expect(201)).body.claimId);
    await submit(given.token, created[0]).expect(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { claimId: string }[]; nextCursor: string | null; hasMore: boolean } } = await harness
        .http()
        .get(`/v1/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', given.token)
        .expect(200);
      seen.push(...page.body.items.map((claim) => claim.claimId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    const submitted = await harness.http().get('/v1/claims?status=submitted').set('Authorization', given.token).expect(200);
    expect(submitted.body.items.map((claim: { claimId: string }) => claim.claimId)).toEqual([created[0]]);
    await harness.http().get('/v1/claims?cursor=bm9wZQ').set('Authorization', given.token).expect(400, /cursor/);
  }, 60_000);

  it('refuses bad input with a Dutch 400', async () => {
    const given = await givenRegionWithOffer();
    const [enrolmentId] = await harness.givenCompletedEnrolments(1, given);
    const empty = await draft(given.token, []).expect(400);
    expect(empty.body.errors).toEqual([{ field: 'enrolmentIds', messages: ['Noem ten minste één inschrijving.'] }]);
    const twice = await draft(given.token, [enrolmentId, enrolmentId]).expect(400);
    expect(twice.body.errors[0].messages).toContain('Een inschrijving staat twee keer in de declaratie.');
    await draft(given.token, ['not-a-uuid']).expect(400, /UUID/);
    await harness.http().post('/v1/claims').set('Authorization', ministry).send({ enrolmentIds: [enrolmentId] }).expect(403);

    const claim = (await draft(given.token, [enrolmentId]).expect(201)).body;
    await submit(given.token, claim.claimId).expect(200);
    await decide(claim.claimId, { decision: 'approved', lines: [{ lineNo: 1, decision: 'approved' }] }).expect(400, /óf één besluit/);
    await decide(claim.claimId, { lines: [{ lineNo: 1.5, decision: 'approved' }] }).expect(400);
    await decide(claim.claimId, { decision: 'maybe' }).expect(400);
    await harness.http().get('/v1/claims/not-a-uuid').set('Authorization', ministry).expect(404, /bestaat niet/);
  }, 60_000);

  it('partly approves with reasons per line: approved lines onto the open statement, rejected ones back to the budget; decided once', async () => {
    const given = await givenRegionWithOffer();
    const enrolmentIds = await harness.givenCompletedEnrolments(3, given);
    const claim = (await draft(given.token, enrolmentIds).expect(201)).body;
    await submit(given.token, claim.claimId).expect(200);

    await decide(claim.claimId, { lines: [{ lineNo: 1, decision: 'approved' }, { lineNo: 2, decision: 'rejected' }, { lineNo: 3, decision: 'approved' }] }).expect(422, /reden/);
    await decide(claim.claimId, { lines: [{ lineNo: 1, decision: 'approved' }] }).expect(422, /ontbreken: 2, 3/);
    await harness.http().post(`/v1/claims/${claim.claimId}/decision`).set('Authorization', given.token).send({ decision: 'approved' }).expect(403);

    const decided = (
      await decide(claim.claimId, {
        lines: [
          { lineNo: 1, decision: 'approved' },
          { lineNo: 2, decision: 'rejected', reason: 'Geen bewijs van deelname bij de declaratie.' },
          { lineNo: 3, decision: 'approved' },
        ],
      }).expect(200)
    ).body;
    expect(decided.status).toBe('partly-approved');
    expect(decided.lines.map((line: { state: string; decisionReason: string | null }) => [line.state, line.decisionReason])).toEqual([
      ['approved', null],
      ['rejected', 'Geen bewijs van deelname bij de declaratie.'],
      ['approved', null],
    ]);
    expect(await harness.outboxTypes(claim.claimId)).toEqual(['ClaimSubmitted', 'ClaimPartlyApproved']);
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 180_000, 'commitment-release': 60_000 });

    const statements = (await harness.http().get('/v1/statements').set('Authorization', given.token).expect(200)).body.items;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ status: 'open', itemCount: 2, paymentsCents: 120_000, clawBacksCents: 0, netCents: 120_000 });
    expect(statements[0].period).toMatch(new RegExp(`^${year}-Q[1-4]$`));

    await decide(claim.claimId, { decision: 'approved' }).expect(409, /alleen via een wijziging/);
    // The rejected line's enrolment counts again and may be claimed anew.
    const [outcome] = await harness.db.query(`SELECT reason FROM eligibility_outcome WHERE enrolment_id = $1`, [enrolmentIds[1]]);
    expect(outcome.reason).toBe('ELIGIBLE');
  }, 60_000);

  it('changes a decision only by an amendment with a note: without one a 400, with one the money follows', async () => {
    const given = await givenRegionWithOffer();
    const enrolmentIds = await harness.givenCompletedEnrolments(2, given);
    const claim = (await draft(given.token, enrolmentIds).expect(201)).body;
    await submit(given.token, claim.claimId).expect(200);
    await decide(claim.claimId, { decision: 'approved' }).expect(200);

    const amend = (body: object) => harness.http().post(`/v1/claims/${claim.claimId}/amendments`).set('Authorization', ministry).send(body);
    const change = [{ lineNo: 2, decision: 'rejected', reason: 'Dubbel gedeclareerd bij een andere regeling.' }];
    await amend({ lines: change }).expect(400, /toelichting/);
    await amend({ note: 'kort', lines: change }).expect(400, /toelichting/);
    const [{ count }] = await harness.db.query(`SELECT count(*)::int AS count FROM claim_amendment WHERE claim_id = $1`, [claim.claimId]);
    expect(count).toBe(0);

    const amended = (await amend({ note: 'Bij controle bleek regel 2 dubbel gedeclareerd.', lines: change }).expect(201)).body;
    expect(amended).toMatchObject({ status: 'partly-approved', amendmentId: expect.any(String) });
    expect(amended.lines[1]).toMatchObject({ state: 'rejected', decisionReason: change[0].reason, paymentState: 'unpaid' });
    expect(await harness.outboxTypes(claim.claimId)).toEqual(['ClaimSubmitted', 'ClaimApproved', 'ClaimPartlyApproved']);
    // Still on the open statement: the item leaves it and the commitment goes back to the budget.
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 120_000, 'commitment-release': 60_000 });
    const [statement] = (await harness.http().get('/v1/statements').set('Authorization', given.token).expect(200)).body.items;
    expect(statement).toMatchObject({ itemCount: 1, paymentsCents: 60_000 });

    // And back: checked again like a submission, committed again, on the statement again.
    const back = (await amend({ note: 'Toch niet dubbel: de andere regeling gold niet.', lines: [{ lineNo: 2, decision: 'approved' }] }).expect(201)).body;
    expect(back.status).toBe('approved');
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 180_000, 'commitment-release': 60_000 });
    await amend({ note: 'Nog een keer hetzelfde besluit.', lines: [{ lineNo: 2, decision: 'approved' }] }).expect(422, /al goedgekeurd/);
  }, 60_000);

  it('creates and submits once for a repeated Idempotency-Key: the retry gets the first answer', async () => {
    const given = await givenRegionWithOffer();
    const [enrolmentId] = await harness.givenCompletedEnrolments(1, given);
    const key = `claim-${enrolmentId}`;
    const first = await draft(given.token, [enrolmentId]).set('Idempotency-Key', key).expect(201);
    const retry = await draft(given.token, [enrolmentId]).set('Idempotency-Key', key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.claimId).toBe(first.body.claimId);
    const [{ count }] = await harness.db.query(`SELECT count(*)::int AS count FROM claim_line WHERE enrolment_id = $1`, [enrolmentId]);
    expect(count).toBe(1);
    await submit(given.token, first.body.claimId).set('Idempotency-Key', `submit-${key}`).expect(200);
    const resubmitted = await submit(given.token, first.body.claimId).set('Idempotency-Key', `submit-${key}`).expect(200);
    expect(resubmitted.headers['idempotent-replayed']).toBe('true');
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 60_000 });
  }, 60_000);

  it('keeps the ledger append-only: the database refuses UPDATE and DELETE', async () => {
    const given = await givenRegionWithOffer();
    const [enrolmentId] = await harness.givenCompletedEnrolments(1, given);
    const claim = (await draft(given.token, [enrolmentId]).expect(201)).body;
    await submit(given.token, claim.claimId).expect(200);
    await expect(harness.db.query(`UPDATE ledger_entry SET amount_cents = 1 WHERE claim_id = $1`, [claim.claimId])).rejects.toThrow(/append-only/);
    await expect(harness.db.query(`DELETE FROM ledger_entry WHERE claim_id = $1`, [claim.claimId])).rejects.toThrow(/append-only/);
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 60_000 });
  }, 60_000);
});
