import { randomUUID } from 'node:crypto';
import { CatalogueEvents, EnrolmentsEvents } from '@napl/contracts';
import { eventually, isoDateInDays } from '@napl/testing';
import { CatalogueHarness, runPlan } from './catalogue-harness';

describe('catalogue: PATCH /v1/runs/{runId} (JSON merge patch)', () => {
  let catalogue: CatalogueHarness;
  let offerId: string;

  beforeAll(async () => {
    catalogue = await CatalogueHarness.start();
    ({ offerId } = await catalogue.publishedOffer());
  }, 60_000);

  afterAll(() => catalogue?.close());

  async function scheduledRun(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { runId: string }> {
    const hanze = await catalogue.as('opleider-hanze');
    return (await hanze.post(`/v1/offers/${offerId}/runs`, runPlan(overrides)).expect(201)).body;
  }

  it('changes only the fields sent, keeps the rest, and publishes RunChanged', async () => {
    const run = await scheduledRun({ priceCents: 30_000 });
    const hanze = await catalogue.as('opleider-hanze');
    expect(run).toMatchObject({ capacity: 16, placesLeft: 16, enrolment: 'open' });
    const { body } = await hanze.patch(`/v1/runs/${run.runId}`, { capacity: 24 }).expect(200);
    const { updatedAt: _before, capacity: _old, placesLeft: _left, ...unchanged } = run;
    expect(body).toMatchObject({ ...unchanged, capacity: 24, placesLeft: 24 });
    expect((await hanze.get(`/v1/runs/${run.runId}`).expect(200)).body).toMatchObject({ ...unchanged, capacity: 24, placesLeft: 24 });
    const changed = await catalogue.eventOf(CatalogueEvents.RunChanged, run.runId as string, catalogue.runEvents);
    expect(changed.run).toMatchObject({ runId: run.runId, capacity: 24, priceCents: 30_000n, location: 'Utrecht, Jaarbeursplein 1' });
  });

  it('clears a nullable field with null, replaces sessions as a whole, and accepts application/json too', async () => {
    const run = await scheduledRun({ priceCents: 30_000 });
    const hanze = await catalogue.as('opleider-hanze');
    const cleared = (await hanze.patch(`/v1/runs/${run.runId}`, { online: true, location: null, enrolmentDeadline: null, priceCents: null }).expect(200)).body;
    expect(cleared).toMatchObject({ online: true, location: null, enrolmentDeadline: null, priceCents: null, capacity: 16 });

    const start = run.startDate as string;
    const { body } = await catalogue.service
      .http()
      .patch(`/v1/runs/${run.runId}`)
      .set('Authorization', `Bearer ${await catalogue.service.tokenFor('opleider-hanze')}`)
      .set('Content-Type', 'application/json')
      .send({ sessions: [{ date: start, startTime: '09:00', endTime: '12:00' }] })
      .expect(200);
    expect(body.sessions).toEqual([{ date: start, startTime: '09:00', endTime: '12:00' }]);
    expect(body.startDate).toBe(start);
  });

  it('refuses null for a field that is not nullable, and checks the merged plan as a whole plan is checked', async () => {
    const run = await scheduledRun();
    const hanze = await catalogue.as('opleider-hanze');
    const nulls = await hanze.patch(`/v1/runs/${run.runId}`, { capacity: null, online: null }).expect(400);
    expect(nulls.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(nulls.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['capacity', 'online']);

    // Each field is well-formed, the merged plan is not: the end before the start, a run on location without one.
    const merged = await hanze.patch(`/v1/runs/${run.runId}`, { endDate: isoDateInDays(80), location: null }).expect(400);
    expect(merged.body).toMatchObject({ code: 'RUN_INVALID' });
    expect(merged.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['endDate', 'location']));
    const late = await hanze.patch(`/v1/runs/${run.runId}`, { startDate: isoDateInDays(60) }).expect(400);
    expect(late.body.errors).toEqual([{ field: 'enrolmentDeadline', messages: ['mag niet na de startdatum liggen'] }]);
    const past = await hanze.patch(`/v1/runs/${run.runId}`, { startDate: isoDateInDays(-3), enrolmentDeadline: null }).expect(422);
    expect(past.body.code).toBe('RUN_DATE_IN_PAST');
    await hanze.patch(`/v1/runs/${run.runId}`, { unknownField: 1 }).expect(400);
    // Nothing of the refused patches stuck.
    expect((await hanze.get(`/v1/runs/${run.runId}`).expect(200)).body).toMatchObject({ capacity: 16, location: 'Utrecht, Jaarbeursplein 1', endDate: run.endDate });
  });

  it('refuses a capacity below the places taken (422 CAPACITY_BELOW_ENROLLED), for PATCH and PUT alike', async () => {
    const run = await scheduledRun({ capacity: 5 });
    const target = { runId: run.runId, offerId };
    for (let i = 0; i < 3; i += 1) await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentConfirmed, randomUUID(), target);
    const hanze = await catalogue.as('opleider-hanze');
    await eventually(
      async () => ((await catalogue.service.dataSource.query(`SELECT places_taken FROM run WHERE id = $1`, [run.runId]))[0].places_taken === 3 ? true : undefined),
      15_000,
      'three places taken',
    );

    const refused = await hanze.patch(`/v1/runs/${run.runId}`, { capacity: 2 }).expect(422);
    expect(refused.body).toMatchObject({ code: 'CAPACITY_BELOW_ENROLLED' });
    expect(refused.body.detail).toMatch(/bevestigde inschrijvingen \(3\)/);
    const put = await hanze.put(`/v1/runs/${run.runId}`, runPlan({ capacity: 2 })).expect(422);
    expect(put.body.code).toBe('CAPACITY_BELOW_ENROLLED');
    expect((await hanze.patch(`/v1/runs/${run.runId}`, { capacity: 3 }).expect(200)).body).toMatchObject({ capacity: 3, placesLeft: 0, enrolment: 'waiting-list' });
  });

  it('lets only the owning provider patch (another provider 403, a teacher 403, an unknown run 404)', async () => {
    const run = await scheduledRun();
    await (await catalogue.as('opleider-windesheim')).patch(`/v1/runs/${run.runId}`, { capacity: 20 }).expect(403);
    await (await catalogue.as('docent-anne')).patch(`/v1/runs/${run.runId}`, { capacity: 20 }).expect(403);
    await (await catalogue.as('opleider-hanze')).patch(`/v1/runs/${randomUUID()}`, { capacity: 20 }).expect(404);
    await (await catalogue.as('beheerder')).patch(`/v1/runs/${run.runId}`, { capacity: 20 }).expect(200);
  });
});
