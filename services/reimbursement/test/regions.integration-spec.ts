import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { appendEntries } from '../src/ledger/application/ledger-store';
import { ReimbursementHarness } from './support/reimbursement-harness';

/** Regions, their school locations, the national budget's tranches and the regions' budgets, against Postgres and Kafka. */
describe('regions and budgets', () => {
  let harness: ReimbursementHarness;
  let ministry: string;
  let baseUrl: string;

  beforeAll(async () => {
    harness = await ReimbursementHarness.start('regions');
    ministry = await harness.ministry();
    // A real listening socket, so concurrent allocations are truly in flight together.
    await harness.service.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(harness.service.app.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(() => harness?.close());

  const tokenOf = async (account: 'docent-anne' | 'beheerder') => `Bearer ${await harness.service.tokenFor(account)}`;
  const slug = (prefix = 'regio') => `${prefix}-${randomUUID().slice(0, 8)}`;

  async function newRegion(regionId = slug()): Promise<string> {
    await harness.http().post('/v1/regions').set('Authorization', ministry).send({ regionId, name: `Regio ${regionId}`, kind: 'area' }).expect(201);
    return regionId;
  }

  async function budgets(regionId: string, token = ministry) {
    return (await harness.http().get(`/v1/regions/${regionId}/budgets`).set('Authorization', token).expect(200)).body as {
      year: number;
      allocatedCents: number;
      committedCents: number;
      paidCents: number;
      clawedBackCents: number;
      availableCents: number;
    }[];
  }

  async function tranche(code: string) {
    const tranches = (await harness.http().get('/v1/budget/tranches').set('Authorization', ministry).expect(200)).body as {
      code: string;
      amountCents: number;
      allocatedCents: number;
      leftCents: number;
      conditional: boolean;
      released: boolean;
    }[];
    return tranches.find((candidate) => candidate.code === code)!;
  }

  describe('the list of regions', () => {
    it('is managed by the ministry and read by everyone signed in', async () => {
      const regionId = slug();
      const created = await harness
        .http()
        .post('/v1/regions')
        .set('Authorization', ministry)
        .send({ regionId, name: 'Groen onderwijs', kind: 'national', leadApplicant: 'Stichting Groen Onderwijs' })
        .expect(201);
      expect(created.body).toEqual({ regionId, name: 'Groen onderwijs', kind: 'national', leadApplicant: 'Stichting Groen Onderwijs', active: true });
      // An id is never taken over: it is what tokens and events name the region by.
      const taken = await harness.http().post('/v1/regions').set('Authorization', ministry).send({ regionId, name: 'Iets anders', kind: 'area' }).expect(409);
      expect(taken.body).toMatchObject({ code: 'REGION_EXISTS' });

      // An update keeps what it leaves out; closing a region keeps it on the list.
      const updated = await harness.http().put(`/v1/regions/${regionId}`).set('Authorization', ministry).send({ name: 'Groen onderwijs (landelijk)', kind: 'national', active: false }).expect(200);
      expect(updated.body).toMatchObject({ name: 'Groen onderwijs (landelijk)', leadApplicant: 'Stichting Groen Onderwijs', active: false });

      const teacher = await tokenOf('docent-anne');
      const one = await harness.http().get(`/v1/regions/${regionId}`).set('Authorization', teacher).expect(200);
      expect(one.body).toMatchObject({ regionId, active: false });
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { regionId: string }[]; nextCursor: string | null } = (
          await harness.http().get(`/v1/regions?limit=2${cursor ? `&cursor=${cursor}` : ''}`).set('Authorization', teacher).expect(200)
        ).body;
        listed.push(...page.items.map((region) => region.regionId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(listed).toContain(regionId);
      expect([...listed].sort()).toEqual(listed);
    });

    it('refuses a malformed id or kind in Dutch, an unknown region is a 404, and only the ministry or an admin changes it', async () => {
      const bad = await harness.http().post('/v1/regions').set('Authorization', ministry).send({ regionId: 'Utrecht_Stad', name: 'Utrecht', kind: 'area' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'regionId', messages: [expect.stringMatching(/kleine letters/)] }]);
      const kind = await harness.http().post('/v1/regions').set('Authorization', ministry).send({ regionId: slug(), name: 'Utrecht', kind: 'provincie' }).expect(400);
      expect(kind.body.errors).toEqual([{ field: 'kind', messages: [expect.stringMatching(/soort is een van/)] }]);
      await harness.http().get('/v1/regions/bestaat-niet').set('Authorization', ministry).expect(404, /Deze onderwijsregio bestaat niet/);
      await harness.http().get('/v1/regions/Utrecht_Stad').set('Authorization', ministry).expect(404, /Deze onderwijsregio bestaat niet/);
      await harness.http().put('/v1/regions/bestaat-niet').set('Authorization', ministry).send({ name: 'Utrecht', kind: 'area' }).expect(404);

      const own = await harness.regionUser('utrecht-stad');
      await harness.http().post('/v1/regions').set('Authorization', own).send({ regionId: 'utrecht-stad', name: 'Utrecht', kind: 'area' }).expect(403);
      expect(await harness.db.query(`SELECT 1 FROM region WHERE region_id IN ('utrecht-stad', 'bestaat-niet')`)).toEqual([]);
    });
  });

  describe('school locations', () => {
    it('belong to one region at a time: putting one in another region moves it', async () => {
      const [north, south] = [await newRegion(), await newRegion()];
      const placed = await harness.http().put('/v1/school-locations/12AB00').set('Authorization', ministry).send({ regionId: north, name: 'OBS De Regenboog' }).expect(201);
      expect(placed.body).toMatchObject({ schoolId: '12AB00', regionId: north, name: 'OBS De Regenboog' });
      const moved = await harness.http().put('/v1/school-locations/12AB00').set('Authorization', ministry).send({ regionId: south }).expect(200);
      expect(moved.body).toMatchObject({ regionId: south, name: 'OBS De Regenboog' });

      const ofNorth = await harness.http().get(`/v1/regions/${north}/school-locations`).set('Authorization', ministry).expect(200);
      expect(ofNorth.body.items).toEqual([]);
      const southUser = await harness.regionUser(south);
      const ofSouth = await harness.http().get(`/v1/regions/${south}/school-locations`).set('Authorization', southUser).expect(200);
      expect(ofSouth.body.items.map((location: { schoolId: string }) => location.schoolId)).toEqual(['12AB00']);
      expect(await harness.db.query(`SELECT region_id FROM school_location WHERE school_id = '12AB00'`)).toEqual([{ region_id: south }]);

      await harness.http().delete('/v1/school-locations/12AB00').set('Authorization', ministry).expect(204);
      await harness.http().delete('/v1/school-locations/12AB00').set('Authorization', ministry).expect(404);
    });

    it('refuses a malformed school id, an unknown or closed region, and other roles', async () => {
      const regionId = await newRegion();
      for (const schoolId of ['12ab00', '1234AB', '12AB0', '12AB000']) {
        const response = await harness.http().put(`/v1/school-locations/${schoolId}`).set('Authorization', ministry).send({ regionId }).expect(400);
        expect(response.body).toMatchObject({ code: 'INVALID_SCHOOL_ID' });
      }
      await harness.http().put('/v1/school-locations/98ZZ00').set('Authorization', ministry).send({ regionId: 'bestaat-niet' }).expect(422);
      await harness.http().put(`/v1/regions/${regionId}`).set('Authorization', ministry).send({ name: 'Gesloten', kind: 'area', active: false }).expect(200);
      const closed = await harness.http().put('/v1/school-locations/98ZZ00').set('Authorization', ministry).send({ regionId }).expect(409);
      expect(closed.body).toMatchObject({ code: 'REGION_CLOSED' });
      await harness.http().put('/v1/school-locations/98ZZ00').set('Authorization', await harness.regionUser(regionId)).send({ regionId }).expect(403);
      expect(await harness.db.query(`SELECT 1 FROM school_location WHERE school_id = '98ZZ00'`)).toEqual([]);
    });

    it("are shown to the region's own users only, besides the ministry", async () => {
      const [mine, theirs] = [await newRegion(), await newRegion()];
      const user = await harness.regionUser(mine);
      const refused = await harness.http().get(`/v1/regions/${theirs}/school-locations`).set('Authorization', user).expect(403);
      expect(refused.body).toMatchObject({ code: 'REGION_NOT_YOURS' });
      await harness.http().get('/v1/regions/bestaat-niet/school-locations').set('Authorization', user).expect(404);
      await harness.http().get(`/v1/regions/${mine}/school-locations`).set('Authorization', await tokenOf('docent-anne')).expect(403);
    });
  });

  describe('budgets', () => {
    it('allocates a year from its tranche, publishes BudgetAllocated, and derives the balance', async () => {
      const regionId = await newRegion();
      const before = await tranche('2025-2028');
      const created = await harness.http().put(`/v1/regions/${regionId}/budgets/2026`).set('Authorization', ministry).send({ amountCents: 250_000_00 }).expect(201);
      expect(created.body).toMatchObject({ regionId, year: 2026, amountCents: 250_000_00, trancheCode: '2025-2028' });
      // The same amount again changes nothing and announces nothing.
      await harness.http().put(`/v1/regions/${regionId}/budgets/2026`).set('Authorization', ministry).send({ amountCents: 250_000_00 }).expect(200);
      await harness.http().put(`/v1/regions/${regionId}/budgets/2026`).set('Authorization', ministry).send({ amountCents: 300_000_00 }).expect(200);
      expect(await harness.outboxTypes(regionId)).toEqual(['BudgetAllocated', 'BudgetAllocated']);

      expect(await budgets(regionId)).toEqual([
        { year: 2026, trancheCode: '2025-2028', allocatedCents: 300_000_00, committedCents: 0, paidCents: 0, clawedBackCents: 0, availableCents: 300_000_00 },
      ]);
      const after = await tranche('2025-2028');
      expect(after.allocatedCents - before.allocatedCents).toBe(300_000_00);
      expect(after.leftCents).toBe(after.amountCents - after.allocatedCents);
    });

    it('refuses money that is not whole, non-negative cents, in Dutch, storing nothing', async () => {
      const regionId = await newRegion();
      await harness.givenBudget(regionId, 2026, 1_000);
      for (const amountCents of [1.5, -1, '100', null, 2 ** 53, true]) {
        const response = await harness.http().put(`/v1/regions/${regionId}/budgets/2026`).set('Authorization', ministry).send({ amountCents }).expect(400);
        expect(response.body.errors).toEqual([{ field: 'amountCents', messages: expect.arrayContaining([expect.stringMatching(/hele centen/)]) }]);
      }
      await harness.http().put(`/v1/regions/${regionId}/budgets/2026`).set('Authorization', ministry).send({}).expect(400);
      await harness.http().put(`/v1/regions/${regionId}/budgets/twee`).set('Authorization', ministry).send({ amountCents: 1 }).expect(400);
      const outside = await harness.http().put(`/v1/regions/${regionId}/budgets/2040`).set('Authorization', ministry).send({ amountCents: 1 }).expect(422);
      expect(outside.body).toMatchObject({ code: 'YEAR_OUTSIDE_TRANCHES' });
      await harness.http().put('/v1/regions/bestaat-niet/budgets/2026').set('Authorization', ministry).send({ amountCents: 1 }).expect(404);
      expect((await budgets(regionId)).map((year) => year.allocatedCents)).toEqual([1_000]);
      expect(await harness.outboxTypes(regionId)).toEqual([]);
    });

    it('never drops below what the region committed or was paid for the year', async () => {
      const regionId = await newRegion();
      await harness.http().put(`/v1/regions/${regionId}/budgets/2027`).set('Authorization', ministry).send({ amountCents: 100_000 }).expect(201);
      // Given: claims committed 60,000, of which 20,000 was paid and 5,000 of that clawed back.
      await appendEntries(harness.db.manager, [
        { regionId, budgetYear: 2027, kind: 'commitment', amountCents: 60_000 },
        { regionId, budgetYear: 2027, kind: 'payment', amountCents: 20_000 },
        { regionId, budgetYear: 2027, kind: 'claw-back', amountCents: 5_000 },
      ]);
      expect(await budgets(regionId)).toEqual([
        { year: 2027, trancheCode: '2025-2028', allocatedCents: 100_000, committedCents: 40_000, paidCents: 20_000, clawedBackCents: 5_000, availableCents: 45_000 },
      ]);

      const refused = await harness.http().put(`/v1/regions/${regionId}/budgets/2027`).set('Authorization', ministry).send({ amountCents: 54_999 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'BELOW_USED_BUDGET', usedCents: 55_000 });
      expect(refused.body.detail).toMatch(/€ 550,00/);
      await harness.http().put(`/v1/regions/${regionId}/budgets/2027`).set('Authorization', ministry).send({ amountCents: 55_000 }).expect(200);
      expect((await budgets(regionId))[0]).toMatchObject({ allocatedCents: 55_000, availableCents: 0 });
    });

    it("shows a region's budgets to the ministry and the region itself; only the ministry allocates", async () => {
      const [mine, theirs] = [await newRegion(), await newRegion()];
      const user = await harness.regionUser(mine);
      await harness.http().put(`/v1/regions/${mine}/budgets/2026`).set('Authorization', user).send({ amountCents: 1 }).expect(403, /geen rol/);
      await harness.http().put(`/v1/regions/${mine}/budgets/2026`).set('Authorization', await tokenOf('beheerder')).send({ amountCents: 1 }).expect(403);
      expect(await budgets(mine, user)).toEqual([]);
      const refused = await harness.http().get(`/v1/regions/${theirs}/budgets`).set('Authorization', user).expect(403);
      expect(refused.body).toMatchObject({ code: 'REGION_NOT_YOURS' });
      await harness.http().get(`/v1/regions/${mine}/budgets`).set('Authorization', await tokenOf('docent-anne')).expect(403);
      await harness.http().get('/v1/regions/bestaat-niet/budgets').set('Authorization', ministry).expect(404);
      await harness.http().get('/v1/budget/tranches').set('Authorization', user).expect(403);
    });

    it('allocates nothing from the conditional tranche until the ministry releases it, once', async () => {
      const regionId = await newRegion();
      const refused = await harness.http().put(`/v1/regions/${regionId}/budgets/2030`).set('Authorization', ministry).send({ amountCents: 1_000 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'TRANCHE_NOT_RELEASED', trancheCode: '2029-2034' });
      expect(await tranche('2029-2034')).toMatchObject({ amountCents: 8_650_000_000, conditional: true, released: false });

      await harness.http().post('/v1/budget/tranches/2029-2034/release').set('Authorization', await harness.regionUser(regionId)).send({ note: 'Mag niet' }).expect(403);
      await harness.http().post('/v1/budget/tranches/2029-2034/release').set('Authorization', ministry).send({}).expect(400);
      const released = await harness.http().post('/v1/budget/tranches/2029-2034/release').set('Authorization', ministry).send({ note: 'Tussenevaluatie positief.' }).expect(200);
      expect(released.body).toMatchObject({ code: '2029-2034', released: true, releaseNote: 'Tussenevaluatie positief.' });
      const again = await harness.http().post('/v1/budget/tranches/2029-2034/release').set('Authorization', ministry).send({ note: 'Nog eens.' }).expect(409);
      expect(again.body).toMatchObject({ code: 'TRANCHE_ALREADY_RELEASED' });
      await harness.http().post('/v1/budget/tranches/2025-2028/release').set('Authorization', ministry).send({ note: 'Onvoorwaardelijk.' }).expect(409, /onvoorwaardelijk/);
      await harness.http().post('/v1/budget/tranches/2099-2100/release').set('Authorization', ministry).send({ note: 'Bestaat niet.' }).expect(404);

      await harness.http().put(`/v1/regions/${regionId}/budgets/2030`).set('Authorization', ministry).send({ amountCents: 1_000 }).expect(201);
    });

    it('never allocates more than a tranche holds, also when many allocations arrive at once', async () => {
      // Fill the conditional tranche (released, above or here) up to room for exactly 12 of the 20 allocations.
      if (!(await tranche('2029-2034')).released) {
        await harness.http().post('/v1/budget/tranches/2029-2034/release').set('Authorization', ministry).send({ note: 'Tussenevaluatie positief.' }).expect(200);
      }
      const { leftCents } = await tranche('2029-2034');
      const amountCents = 100_000_00;
      const filler = await newRegion();
      await harness.http().put(`/v1/regions/${filler}/budgets/2031`).set('Authorization', ministry).send({ amountCents: leftCents - 12 * amountCents - 1 }).expect(201);
      const regions = await Promise.all(Array.from({ length: 20 }, () => newRegion()));

      const statuses = await Promise.all(
        regions.map(async (regionId) => {
          const response = await fetch(`${baseUrl}/v1/regions/${regionId}/budgets/2032`, {
            method: 'PUT',
            headers: { authorization: ministry, 'content-type': 'application/json' },
            body: JSON.stringify({ amountCents }),
          });
          const body = (await response.json()) as { code?: string };
          return response.status === 201 ? 201 : `${response.status} ${body.code}`;
        }),
      );

      expect(statuses.filter((status) => status === 201)).toHaveLength(12);
      expect(statuses.filter((status) => status !== 201)).toEqual(Array(8).fill('409 TRANCHE_EXCEEDED'));
      const after = await tranche('2029-2034');
      expect(after.leftCents).toBe(1);
      const [{ sum }] = await harness.db.query(`SELECT SUM(amount_cents)::bigint AS sum FROM budget_allocation WHERE tranche_code = '2029-2034'`);
      expect(Number(sum)).toBe(8_650_000_000 - 1);
    }, 60_000);
  });
});
