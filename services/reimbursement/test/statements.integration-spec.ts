import { randomUUID } from 'node:crypto';
import { todayInAmsterdam } from '@napl/domain';
import { isoDateInDays } from '@napl/testing';
import { calendarYearOf } from '../src/shared/domain/school-year';
import { nextPeriod, periodOf } from '../src/statements/domain/statement';
import { ReimbursementHarness } from './support/reimbursement-harness';

function freshSchoolId(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  return `${String(Math.floor(Math.random() * 100)).padStart(2, '0')}${pick()}${pick()}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
}

/**
 * Statements per region and quarter: open, payable after the deadline, paid; never edited once payable (the API says
 * 409, the database refuses it); payments and claw-backs as separate states of a line and separate ledger entries;
 * the export for finance. The rule here counts a participation once it started, so a cancellation after the start
 * (and after payment) is what makes an enrolment stop counting.
 */
describe('statements', () => {
  let harness: ReimbursementHarness;
  let ministry: string;
  const year = calendarYearOf(todayInAmsterdam());
  const current = periodOf(todayInAmsterdam());

  beforeAll(async () => {
    harness = await ReimbursementHarness.start('statements');
    ministry = await harness.ministry();
    await harness.givenRule({ validFrom: isoDateInDays(-30), participation: 'started' });
  }, 60_000);

  afterAll(() => harness?.close());

  async function givenRegionWithOffer() {
    const schoolId = freshSchoolId();
    const regionId = await harness.givenRegion([schoolId]);
    await harness.givenBudget(regionId, year, 10_000_000);
    const { offerId } = await harness.approvedOffer();
    const runId = await harness.scheduledRun(offerId);
    return { regionId, schoolId, offerId, runId, token: await harness.regionUser(regionId) };
  }

  /** A claim of the given enrolments, submitted and approved as a whole. */
  async function approvedClaim(token: string, enrolmentIds: string[]): Promise<string> {
    const claimId = (await harness.http().post('/v1/claims').set('Authorization', token).send({ enrolmentIds }).expect(201)).body.claimId;
    await harness.http().post(`/v1/claims/${claimId}/submit`).set('Authorization', token).expect(200);
    await harness.http().post(`/v1/claims/${claimId}/decision`).set('Authorization', ministry).send({ decision: 'approved' }).expect(200);
    return claimId;
  }

  const statementsOf = async (token: string) => (await harness.http().get('/v1/statements').set('Authorization', token).expect(200)).body.items;
  const statement = async (statementId: string) => (await harness.http().get(`/v1/statements/${statementId}`).set('Authorization', ministry).expect(200)).body;
  const pay = (statementId: string) => harness.http().post(`/v1/statements/${statementId}/pay`).set('Authorization', ministry).send({});
  /** As a given: the statement's deadline passed yesterday (allowed while it is open), then the ministry closes due ones. */
  async function pastDeadline(statementId: string): Promise<void> {
    await harness.db.query(`UPDATE statement SET deadline = $2 WHERE statement_id = $1`, [statementId, isoDateInDays(-1)]);
    const closed = await harness.http().post('/v1/statements/close-due').set('Authorization', ministry).expect(200);
    expect(closed.body.statementIds).toContain(statementId);
  }
  const lineOf = async (claimId: string) => (await harness.db.query(`SELECT state, payment_state, decision_reason FROM claim_line WHERE claim_id = $1`, [claimId]))[0];

  it('claws back after payment: the cancelled enrolment\'s line awaits a claw-back on the next statement, then is clawed back', async () => {
    const given = await givenRegionWithOffer();
    const enrolment = await harness.confirmed(given);
    const spec = { ...given, teacherId: enrolment.teacherId };
    await harness.participationStarted(enrolment.enrolmentId, spec);
    const claimId = await approvedClaim(given.token, [enrolment.enrolmentId]);

    const [open] = await statementsOf(given.token);
    expect(open).toMatchObject({ period: current.period, deadline: current.deadline, status: 'open', paymentsCents: 60_000 });
    await pay(open.statementId).expect(409, /nog open/);
    await pastDeadline(open.statementId);
    const paid = (await pay(open.statementId).expect(200)).body;
    expect(paid).toMatchObject({ status: 'paid', paymentReference: `NAPL-${given.regionId}-${current.period}`, netCents: 60_000 });
    expect(await lineOf(claimId)).toMatchObject({ state: 'approved', payment_state: 'paid' });
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 60_000, payment: 60_000 });
    expect(await harness.outboxTypes(open.statementId)).toEqual(['PaymentIssued']);

    await harness.cancelled(enrolment.enrolmentId, spec);
    expect(await lineOf(claimId)).toMatchObject({ state: 'approved', payment_state: 'awaiting-claw-back', decision_reason: expect.stringContaining('Telt niet meer mee') });
    const next = (await statementsOf(given.token)).find((candidate: { status: string }) => candidate.status === 'open');
    expect(next).toMatchObject({ period: nextPeriod(current.period).period, itemCount: 1, paymentsCents: 0, clawBacksCents: 60_000, netCents: -60_000 });
    expect((await statement(next.statementId)).items).toEqual([expect.objectContaining({ kind: 'claw-back', claimId, lineNo: 1, enrolmentId: enrolment.enrolmentId, amountCents: 60_000 })]);
    // Delivered again, the cancellation changes nothing more.
    await harness.cancelled(enrolment.enrolmentId, spec);
    expect((await statement(next.statementId)).itemCount).toBe(1);

    await pastDeadline(next.statementId);
    await pay(next.statementId).expect(200);
    expect(await lineOf(claimId)).toMatchObject({ payment_state: 'clawed-back' });
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 60_000, payment: 60_000, 'claw-back': 60_000 });
    expect(await harness.outboxTypes(next.statementId)).toEqual(['PaymentIssued', 'ClawBackRecorded']);
  }, 120_000);

  it('releases the commitment of a cancelled enrolment that was not paid yet, and takes it off the open statement', async () => {
    const given = await givenRegionWithOffer();
    const enrolment = await harness.confirmed(given);
    const spec = { ...given, teacherId: enrolment.teacherId };
    await harness.participationStarted(enrolment.enrolmentId, spec);
    const claimId = await approvedClaim(given.token, [enrolment.enrolmentId]);
    await harness.cancelled(enrolment.enrolmentId, spec);
    expect(await lineOf(claimId)).toMatchObject({ state: 'rejected', payment_state: 'unpaid' });
    expect(await harness.ledgerSums(given.regionId, year)).toEqual({ commitment: 60_000, 'commitment-release': 60_000 });
    const [open] = await statementsOf(given.token);
    expect(open).toMatchObject({ itemCount: 0, netCents: 0 });
  }, 60_000);

  it('never edits a payable statement: the database refuses an item, the API a second payment, and a correction goes on the next statement', async () => {
    const given = await givenRegionWithOffer();
    const enrolmentIds = await harness.givenCompletedEnrolments(2, given);
    const claimId = await approvedClaim(given.token, enrolmentIds);
    const [payable] = await statementsOf(given.token);
    await pastDeadline(payable.statementId);

    await expect(
      harness.db.query(`INSERT INTO statement_item (statement_id, kind, claim_id, line_no, enrolment_id, budget_year, amount_cents) VALUES ($1, 'payment', $2, 9, $3, $4, 100)`, [
        payable.statementId,
        claimId,
        randomUUID(),
        year,
      ]),
    ).rejects.toThrow(/can no longer be edited/);
    await expect(harness.db.query(`DELETE FROM statement_item WHERE statement_id = $1`, [payable.statementId])).rejects.toThrow(/can no longer be edited/);
    await expect(harness.db.query(`UPDATE statement SET status = 'open' WHERE statement_id = $1`, [payable.statementId])).rejects.toThrow(/can no longer be changed/);

    // The ministry rejects line 2 after all: its payment is on the payable statement, so it is clawed back on the next.
    await harness
      .http()
      .post(`/v1/claims/${claimId}/amendments`)
      .set('Authorization', ministry)
      .send({ note: 'Regel 2 bleek niet aan de voorwaarden te voldoen.', lines: [{ lineNo: 2, decision: 'rejected', reason: 'Geen bewijs van deelname.' }] })
      .expect(201);
    expect((await statement(payable.statementId)).itemCount).toBe(2);
    const next = (await statementsOf(given.token)).find((candidate: { status: string }) => candidate.status === 'open');
    expect(next).toMatchObject({ period: nextPeriod(current.period).period, clawBacksCents: 60_000 });

    await pay(payable.statementId).expect(200);
    await pay(payable.statementId).expect(409, /al betaald/);
    const lines = await harness.db.query(`SELECT line_no, state, payment_state FROM claim_line WHERE claim_id = $1 ORDER BY line_no`, [claimId]);
    expect(lines).toEqual([
      { line_no: 1, state: 'approved', payment_state: 'paid' },
      { line_no: 2, state: 'rejected', payment_state: 'awaiting-claw-back' },
    ]);
  }, 60_000);

  it('exports a statement for finance as CSV and as JSON, every item a row, and only to its region and the ministry', async () => {
    const given = await givenRegionWithOffer();
    const enrolmentIds = await harness.givenCompletedEnrolments(2, given);
    const claimId = await approvedClaim(given.token, enrolmentIds);
    const [open] = await statementsOf(given.token);

    const csv = await harness.http().get(`/v1/statements/${open.statementId}/export?format=csv`).set('Authorization', given.token).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="betaaloverzicht-${given.regionId}-${current.period}.csv"`);
    expect(csv.text.split('\r\n')).toEqual([
      'overzicht;periode;regio;declaratie;regel;inschrijving;budgetjaar;soort;bedrag_centen;bedrag_euro',
      `${open.statementId};${current.period};${given.regionId};${claimId};1;${enrolmentIds[0]};${year};betaling;60000;600,00`,
      `${open.statementId};${current.period};${given.regionId};${claimId};2;${enrolmentIds[1]};${year};betaling;60000;600,00`,
      '',
    ]);

    const json = await harness.http().get(`/v1/statements/${open.statementId}/export?format=json`).set('Authorization', ministry).expect(200);
    expect(json.headers['content-disposition']).toMatch(/\.json"$/);
    expect(json.body.statement).toMatchObject({ statementId: open.statementId, paymentsCents: 120_000, netCents: 120_000, itemCount: 2 });
    expect(json.body.rows).toEqual(
      enrolmentIds.map((enrolmentId, index) => ({
        statementId: open.statementId,
        period: current.period,
        regionId: given.regionId,
        claimId,
        lineNo: index + 1,
        enrolmentId,
        budgetYear: year,
        kind: 'payment',
        amountCents: 60_000,
      })),
    );

    const other = await harness.regionUser(await harness.givenRegion([freshSchoolId()]));
    await harness.http().get(`/v1/statements/${open.statementId}/export`).set('Authorization', other).expect(404, /bestaat niet/);
    await harness.http().get(`/v1/statements/${open.statementId}/export?format=xml`).set('Authorization', ministry).expect(400);
    await harness.http().post(`/v1/statements/${open.statementId}/pay`).set('Authorization', given.token).send({}).expect(403);
  }, 60_000);
});
