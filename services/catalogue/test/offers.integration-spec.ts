import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DEMO_IDS } from '@napl/auth';
import { CancellationCause, CatalogueEvents, EnrolmentsEvents, QualityEvents, Sector } from '@napl/contracts';
import { pendingSchemaChanges } from '@napl/persistence';
import { amsterdamTimestamp, eventually, isoDateInDays, waitUntilConsumed } from '@napl/testing';
import { CatalogueHarness, offerContent, oneDayRun, runPlan } from './catalogue-harness';

describe('catalogue: offers, the quality gate, runs, search and the provider API', () => {
  let catalogue: CatalogueHarness;

  beforeAll(async () => {
    catalogue = await CatalogueHarness.start();
  }, 60_000);

  afterAll(() => catalogue?.close());

  it('has migrations that match its entities, with the Dutch full-text column and index', async () => {
    expect(await pendingSchemaChanges(catalogue.service.dataSource)).toEqual([]);
    const [index] = await catalogue.service.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'offer_version_search_idx'`);
    expect(index.indexdef).toMatch(/USING gin \(search_vector\) WHERE listed/);
  });

  describe('validation', () => {
    it('refuses bad offer input with 400 and Dutch messages per field', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const response = await hanze
        .post('/v1/offers', offerContent({ priceCents: '12,50', sectors: ['hbo'], title: undefined, extra: 1 }))
        .expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const messages = Object.fromEntries(response.body.errors.map((e: { field: string; messages: string[] }) => [e.field, e.messages.join(' ')]));
      expect(messages.priceCents).toMatch(/moet een geheel getal zijn/);
      expect(messages.sectors).toMatch(/heeft geen toegestane waarde/);
      expect(messages.title).toMatch(/moet tekst zijn/);
      expect(messages.extra).toMatch(/is geen bekend veld/);
    });

    it('refuses inconsistent content (group sizes, regions) with 400, and garbage ids with 404', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const response = await hanze.post('/v1/offers', offerContent({ minGroupSize: 20, maxGroupSize: 10, national: true })).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['maxGroupSize', 'regionIds']);
      const notFound = await hanze.get('/v1/offers/not-a-uuid').expect(404);
      expect(notFound.body.detail).toBe('Dit aanbod bestaat niet.');
      await hanze.get('/v1/offers/00000000-0000-4000-8000-000000000000/versions/abc').expect(404);
    });

    it('checks the KvK number and lets only admins register providers', async () => {
      const admin = await catalogue.as('beheerder');
      const bad = await admin.post('/v1/providers', { name: 'Trainingsbureau Noord', kvkNumber: '1234567', contactEmail: 'info@noord.example' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'kvkNumber', messages: ['moet een KvK-nummer van 8 cijfers zijn'] }]);
      const letters = await admin.post('/v1/providers', { name: 'Trainingsbureau Noord', kvkNumber: '1234 567.', contactEmail: 'info@noord.example' }).expect(400);
      expect(letters.body.detail).toMatch(/8 cijfers/);
      await admin.post('/v1/providers', { name: 'Dubbel', kvkNumber: '0113 1140', contactEmail: 'a@b.example' }).expect(409);
      const provider = await catalogue.as('opleider-hanze');
      await provider.post('/v1/providers', { name: 'Zelf', kvkNumber: '87654321', contactEmail: 'a@b.example' }).expect(403);
      const mine = await provider.get('/v1/providers/me').expect(200);
      expect(mine.body).toMatchObject({ providerId: DEMO_IDS.providerHanze, kvkNumber: '01131140', contactEmail: 'nascholing@hanze.example' });
      const asTeacher = await (await catalogue.as('docent-anne')).get(`/v1/providers/${DEMO_IDS.providerHanze}`).expect(200);
      expect(asTeacher.body.contactEmail).toBeUndefined();
    });
  });

  describe('lifecycle and the quality gate', () => {
    it('publishes only after an OfferApproved for exactly that version arrives', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const created = await hanze.post('/v1/offers', offerContent()).expect(201);
      const offerId: string = created.body.offerId;
      expect(created.body).toMatchObject({ status: 'draft', latestVersion: 1, publishedVersion: null, content: { version: 1, status: 'draft' } });

      const submitted = await hanze.post(`/v1/offers/${offerId}/submit`).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', content: { status: 'submitted', rulesVersion: 2 } });
      const event = await catalogue.eventOf(CatalogueEvents.OfferSubmitted, offerId);
      expect(event.offer).toMatchObject({ offerId, version: 1, providerId: DEMO_IDS.providerHanze, priceCents: 39_500n, sectors: [Sector.PO] });

      // An approval of another version is not an approval of this one: once the catalogue has consumed it, the offer
      // is still submitted, and nothing was published for it.
      const otherVersion = await catalogue.approve(offerId, 2);
      await waitUntilConsumed(catalogue.service, otherVersion.eventId);
      expect((await hanze.get(`/v1/offers/${offerId}`).expect(200)).body.status).toBe('submitted');
      await catalogue.offerEvents.catchUp(catalogue.service, offerId);
      expect(catalogue.eventsOf(CatalogueEvents.OfferPublished, offerId)).toHaveLength(0);
      const teacher = await catalogue.as('docent-anne');
      await teacher.get(`/v1/offers/${offerId}`).expect(404);

      await catalogue.approve(offerId, 1);
      const published = await catalogue.waitForStatus(offerId, 'published');
      expect(published).toMatchObject({ publishedVersion: 1, content: { status: 'published' } });
      const publishedEvent = await catalogue.eventOf(CatalogueEvents.OfferPublished, offerId);
      expect(publishedEvent.offer?.version).toBe(1);
      await teacher.get(`/v1/offers/${offerId}`).expect(200);
    });

    it('refuses to submit what breaks the publication rules, with the reasons', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const { body } = await hanze.post('/v1/offers', offerContent({ pathStepCodes: [], learningOutcomes: [] })).expect(201);
      const refused = await hanze.post(`/v1/offers/${body.offerId}/submit`).expect(422);
      expect(refused.body).toMatchObject({ code: 'OFFER_RULES_NOT_MET', rulesVersion: 2 });
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['learningOutcomes', 'pathStepCodes']);
    });

    it('returns a rejected offer to draft with the assessor’s reasons, in the offer and in the change feed', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const { body } = await hanze.post('/v1/offers', offerContent({ title: 'Afgekeurd aanbod' })).expect(201);
      await hanze.post(`/v1/offers/${body.offerId}/submit`).expect(200);
      await catalogue.publishQuality(QualityEvents.OfferRejected, body.offerId, {
        assessmentId: randomUUID(),
        offerId: body.offerId,
        offerVersion: 1,
        providerId: DEMO_IDS.providerHanze,
        summary: 'Te weinig toepassing in de eigen praktijk.',
        reasons: [{ criterionCode: 'K3', reason: 'Er is geen opdracht in de eigen klas.' }],
        decidedAt: timestampFromDate(new Date()),
      });
      const draft = await catalogue.waitForStatus(body.offerId, 'draft');
      expect(draft).toMatchObject({
        content: { status: 'draft', rejection: { summary: 'Te weinig toepassing in de eigen praktijk.', reasons: [{ criterionCode: 'K3' }] } },
      });
      const feed = await hanze.get('/v1/providers/me/changes').expect(200);
      const rejected = feed.body.items.find((item: { offerId: string; kind: string }) => item.offerId === body.offerId && item.kind === 'rejected');
      expect(rejected.detail.reasons[0].reason).toBe('Er is geen opdracht in de eigen klas.');
      // It can be reworked and submitted again.
      await hanze.put(`/v1/offers/${body.offerId}`, offerContent({ title: 'Verbeterd aanbod' })).expect(200);
      await hanze.post(`/v1/offers/${body.offerId}/submit`).expect(200);
    });

    it('makes a new version when a published offer changes; the old version stays published and retrievable', async () => {
      const { offerId } = await catalogue.publishedOffer();
      const hanze = await catalogue.as('opleider-hanze');
      const edited = await hanze.put(`/v1/offers/${offerId}`, offerContent({ title: 'Formatief evalueren, vernieuwd', priceCents: 42_000 })).expect(200);
      expect(edited.body).toMatchObject({ status: 'published', latestVersion: 2, publishedVersion: 1, content: { version: 2, status: 'draft' } });

      const teacher = await catalogue.as('docent-anne');
      expect((await teacher.get(`/v1/offers/${offerId}`).expect(200)).body.content).toMatchObject({ version: 1, title: 'Formatief evalueren in de rekenles' });
      await teacher.get(`/v1/offers/${offerId}/versions/2`).expect(404);

      await hanze.post(`/v1/offers/${offerId}/submit`).expect(200);
      await hanze.put(`/v1/offers/${offerId}`, offerContent()).expect(409);
      await catalogue.approve(offerId, 2);
      await catalogue.waitForStatus(offerId, 'published', 'opleider-hanze', 2);
      const updated = await catalogue.eventOf(CatalogueEvents.OfferUpdated, offerId);
      expect(updated.offer).toMatchObject({ version: 2, priceCents: 42_000n });

      const old = await teacher.get(`/v1/offers/${offerId}/versions/1`).expect(200);
      expect(old.body).toMatchObject({ version: 1, status: 'superseded', priceCents: 39_500 });
      const versions = await teacher.get(`/v1/offers/${offerId}/versions`).expect(200);
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    });

    it('suspends an offer when its current mark expires (no new runs), not when an old mark does', async () => {
      const { offerId, markId } = await catalogue.publishedOffer();
      const hanze = await catalogue.as('opleider-hanze');
      const mark = (id: string) => ({ markId: id, offerId, offerVersion: 1, providerId: DEMO_IDS.providerHanze, expiredAt: timestampFromDate(new Date()) });
      const oldMark = await catalogue.publishQuality(QualityEvents.MarkExpired, offerId, mark(randomUUID()));
      await waitUntilConsumed(catalogue.service, oldMark);
      expect((await hanze.get(`/v1/offers/${offerId}`).expect(200)).body.status).toBe('published');
      await catalogue.publishQuality(QualityEvents.MarkExpired, offerId, mark(markId));
      const suspended = await catalogue.waitForStatus(offerId, 'suspended');
      expect(suspended.suspendedReason).toMatch(/kwaliteitskeurmerk is verlopen/);
      const event = await catalogue.eventOf(CatalogueEvents.OfferSuspended, offerId);
      expect(event).toMatchObject({ offerId, version: 1 });
      await catalogue.offerEvents.catchUp(catalogue.service, offerId);
      expect(catalogue.eventsOf(CatalogueEvents.OfferSuspended, offerId)).toHaveLength(1);

      const refused = await hanze.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(409);
      expect(refused.body.code).toBe('OFFER_NOT_PUBLISHED');
      const search = await (await catalogue.as('docent-anne')).get(`/v1/search/offers?q=rekenles&pageSize=100`).expect(200);
      expect(search.body.items.map((hit: { offerId: string }) => hit.offerId)).not.toContain(offerId);
    });

    it('withdraws an offer (event, out of search); only an admin undoes it; published offers are never deleted', async () => {
      const { offerId } = await catalogue.publishedOffer();
      const hanze = await catalogue.as('opleider-hanze');
      await hanze.delete(`/v1/offers/${offerId}`).expect(409);
      const withdrawn = await hanze.post(`/v1/offers/${offerId}/withdraw`, { reason: 'De trainer is vertrokken.' }).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'De trainer is vertrokken.' });
      const event = await catalogue.eventOf(CatalogueEvents.OfferWithdrawn, offerId);
      // The provider's words stay in the catalogue: events carry no free text.
      expect(event).toMatchObject({ offerId, reason: '' });
      await (await catalogue.as('docent-anne')).get(`/v1/offers/${offerId}`).expect(404);

      await hanze.post(`/v1/offers/${offerId}/reinstate`).expect(403);
      const reinstated = await (await catalogue.as('beheerder')).post(`/v1/offers/${offerId}/reinstate`).expect(200);
      expect(reinstated.body.status).toBe('published');
      await eventually(async () => (catalogue.eventsOf(CatalogueEvents.OfferPublished, offerId).length === 2 ? true : undefined));
    });

    it('follows the new mark of a re-approval, so revoking that mark suspends the offer', async () => {
      const { offerId, markId: m1 } = await catalogue.publishedOffer();
      const { markId: m2 } = await catalogue.approve(offerId, 1);
      await eventually(async () => {
        const [row] = await catalogue.service.dataSource.query(`SELECT current_mark_id FROM offer WHERE id = $1`, [offerId]);
        return row.current_mark_id === m2 ? true : undefined;
      });
      const feed = await (await catalogue.as('opleider-hanze')).get('/v1/providers/me/changes?limit=500').expect(200);
      expect(feed.body.items.filter((item: { offerId: string }) => item.offerId === offerId).map((item: { kind: string }) => item.kind)).toContain('mark-renewed');
      // The superseded mark no longer counts; the new one does.
      await catalogue.publishQuality(QualityEvents.MarkRevoked, offerId, { markId: m1, offerId, offerVersion: 1, providerId: DEMO_IDS.providerHanze, reason: 'Oud', revokedAt: timestampFromDate(new Date()) });
      await catalogue.publishQuality(QualityEvents.MarkRevoked, offerId, { markId: m2, offerId, offerVersion: 1, providerId: DEMO_IDS.providerHanze, reason: 'Klachten', revokedAt: timestampFromDate(new Date()) });
      const suspended = await catalogue.waitForStatus(offerId, 'suspended');
      expect(suspended).toMatchObject({ suspendedReason: 'Het kwaliteitskeurmerk is ingetrokken: Klachten.', markValidUntil: null });
      expect(await catalogue.eventOf(CatalogueEvents.OfferSuspended, offerId)).toMatchObject({ offerId, version: 1 });
      await catalogue.offerEvents.catchUp(catalogue.service, offerId);
      expect(catalogue.eventsOf(CatalogueEvents.OfferSuspended, offerId)).toHaveLength(1);
    });

    it('keeps an approval that arrives while the offer is withdrawn during assessment; undoing publishes it', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const { body } = await hanze.post('/v1/offers', offerContent({ title: 'Teruggetrokken tijdens beoordeling' })).expect(201);
      await hanze.post(`/v1/offers/${body.offerId}/submit`).expect(200);
      await hanze.post(`/v1/offers/${body.offerId}/withdraw`, { reason: 'Per ongeluk.' }).expect(200);
      await catalogue.approve(body.offerId, 1);
      await eventually(async () => {
        const { body: offer } = await hanze.get(`/v1/offers/${body.offerId}`).expect(200);
        return offer.publishedVersion === 1 ? offer : undefined;
      });
      await catalogue.offerEvents.catchUp(catalogue.service, body.offerId);
      expect(catalogue.eventsOf(CatalogueEvents.OfferPublished, body.offerId)).toHaveLength(0);
      const reinstated = await (await catalogue.as('beheerder')).post(`/v1/offers/${body.offerId}/reinstate`).expect(200);
      expect(reinstated.body).toMatchObject({ status: 'published', publishedVersion: 1 });
      expect((await catalogue.eventOf(CatalogueEvents.OfferPublished, body.offerId)).offer?.version).toBe(1);
      await (await catalogue.as('docent-anne')).get(`/v1/offers/${body.offerId}`).expect(200);
    });

    it('deletes a draft', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const { body } = await hanze.post('/v1/offers', offerContent()).expect(201);
      await hanze.delete(`/v1/offers/${body.offerId}`).expect(204);
      await hanze.get(`/v1/offers/${body.offerId}`).expect(404);
    });
  });

  describe('ownership', () => {
    it('keeps a provider off another provider’s offers', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const windesheim = await catalogue.as('opleider-windesheim');
      const { body: draft } = await hanze.post('/v1/offers', offerContent()).expect(201);
      await windesheim.get(`/v1/offers/${draft.offerId}`).expect(404);
      await windesheim.put(`/v1/offers/${draft.offerId}`, offerContent()).expect(404);
      await windesheim.post(`/v1/offers/${draft.offerId}/submit`).expect(404);
      await windesheim.delete(`/v1/offers/${draft.offerId}`).expect(404);

      const { offerId } = await catalogue.publishedOffer();
      await windesheim.get(`/v1/offers/${offerId}`).expect(200);
      await windesheim.put(`/v1/offers/${offerId}`, offerContent()).expect(403);
      await windesheim.post(`/v1/offers/${offerId}/withdraw`, { reason: 'Niet van ons' }).expect(403);
      await windesheim.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(403);
      await windesheim.get(`/v1/providers/${DEMO_IDS.providerHanze}/offers`).expect(403);
      const own = await windesheim.get('/v1/providers/me/offers').expect(200);
      expect(own.body.items).toEqual([]);
      await (await catalogue.as('docent-anne')).post('/v1/offers', offerContent()).expect(403);
    });

    it('answers another provider\'s draft or withdrawn offer, and its runs, exactly as a missing one (404, same body)', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const windesheim = await catalogue.as('opleider-windesheim');
      const teacher = await catalogue.as('docent-anne');
      const unknownId = randomUUID();
      const unknown = (await windesheim.get(`/v1/offers/${unknownId}`).expect(404)).body;
      const { body: draft } = await hanze.post('/v1/offers', offerContent()).expect(201);
      const { offerId: withdrawnId } = await catalogue.publishedOffer();
      await hanze.post(`/v1/offers/${withdrawnId}/withdraw`, { reason: 'Stopt.' }).expect(200);

      for (const offerId of [draft.offerId, withdrawnId]) {
        const calls: [typeof windesheim, string, string, object | undefined][] = [
          [windesheim, 'GET', `/v1/offers/${offerId}`, undefined],
          [teacher, 'GET', `/v1/offers/${offerId}`, undefined],
          [windesheim, 'PUT', `/v1/offers/${offerId}`, offerContent()],
          [windesheim, 'POST', `/v1/offers/${offerId}/submit`, undefined],
          [windesheim, 'POST', `/v1/offers/${offerId}/withdraw`, { reason: 'Niet van ons' }],
          [windesheim, 'DELETE', `/v1/offers/${offerId}`, undefined],
          [windesheim, 'POST', `/v1/offers/${offerId}/runs`, runPlan()],
          [windesheim, 'GET', `/v1/offers/${offerId}/runs`, undefined],
          [teacher, 'GET', `/v1/offers/${offerId}/runs`, undefined],
        ];
        for (const [client, method, path, body] of calls) {
          const answer =
            method === 'GET' ? await client.get(path) : method === 'PUT' ? await client.put(path, body!) : method === 'POST' ? await client.post(path, body) : await client.delete(path);
          expect(`${method} ${path} ${answer.status}`).toBe(`${method} ${path} 404`);
          const missing = path.endsWith('/runs') ? (await client.get(`/v1/offers/${unknownId}/runs`)).body : unknown;
          expect(answer.body).toEqual(missing);
        }
      }
      // The provider itself still sees and manages both.
      await hanze.get(`/v1/offers/${draft.offerId}`).expect(200);
      await hanze.get(`/v1/offers/${withdrawnId}`).expect(200);
      await hanze.get(`/v1/offers/${withdrawnId}/runs`).expect(200);
    });
  });

  describe('runs', () => {
    it('schedules, changes and cancels a run of a published offer, announcing each', async () => {
      const { offerId } = await catalogue.publishedOffer();
      const hanze = await catalogue.as('opleider-hanze');
      const bad = await hanze.post(`/v1/offers/${offerId}/runs`, runPlan({ endDate: isoDateInDays(60), location: null })).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['endDate', 'location', 'sessions.0.date', 'sessions.1.date']);

      const { body: run } = await hanze.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(201);
      expect(run).toMatchObject({ offerId, offerVersion: 1, status: 'scheduled', priceCents: null });
      const scheduled = await catalogue.eventOf(CatalogueEvents.RunScheduled, run.runId, catalogue.runEvents);
      expect(scheduled.run).toMatchObject({ runId: run.runId, offerId, capacity: 16, priceCents: 39_500n, sessionCount: 2, location: 'Utrecht, Jaarbeursplein 1' });

      await hanze.put(`/v1/runs/${run.runId}`, runPlan({ capacity: 20, priceCents: 30_000 })).expect(200);
      const changed = await catalogue.eventOf(CatalogueEvents.RunChanged, run.runId, catalogue.runEvents);
      expect(changed.run).toMatchObject({ capacity: 20, priceCents: 30_000n });

      await hanze.post(`/v1/runs/${run.runId}/cancel`, { reason: 'Te weinig aanmeldingen.' }).expect(200);
      const cancelled = await catalogue.eventOf(CatalogueEvents.RunCancelled, run.runId, catalogue.runEvents);
      expect(cancelled).toMatchObject({ runId: run.runId, offerId, reason: '' });
      expect((await hanze.get(`/v1/runs/${run.runId}`).expect(200)).body.cancelReason).toBe('Te weinig aanmeldingen.');
      // A run is public, the provider's reason is not.
      expect((await (await catalogue.as('docent-anne')).get(`/v1/runs/${run.runId}`).expect(200)).body).toMatchObject({ status: 'cancelled', cancelReason: null });
      await hanze.post(`/v1/runs/${run.runId}/cancel`, { reason: 'Nogmaals' }).expect(409);

      const teacherView = await (await catalogue.as('docent-anne')).get(`/v1/offers/${offerId}/runs`).expect(200);
      expect(teacherView.body.total).toBe(0);
      expect((await hanze.get(`/v1/offers/${offerId}/runs`).expect(200)).body.total).toBe(1);
    });
  });

  describe('runs in the past', () => {
    it('refuses scheduling in the past, moving dates into the past, and changing or cancelling an ended run', async () => {
      const { offerId } = await catalogue.publishedOffer();
      const hanze = await catalogue.as('opleider-hanze');
      const past = await hanze
        .post(`/v1/offers/${offerId}/runs`, runPlan({ startDate: '2020-03-01', sessions: [{ date: '2020-03-01', startTime: '15:30', endTime: '18:00' }], enrolmentDeadline: null }))
        .expect(422);
      expect(past.body).toMatchObject({ code: 'RUN_DATE_IN_PAST', errors: [{ field: 'startDate', messages: ['mag niet in het verleden liggen'] }] });

      const { body: run } = await hanze.post(`/v1/offers/${offerId}/runs`, runPlan()).expect(201);
      const moved = await hanze
        .put(`/v1/runs/${run.runId}`, runPlan({ startDate: '2020-03-01', sessions: [{ date: '2020-03-01', startTime: '15:30', endTime: '18:00' }], enrolmentDeadline: null }))
        .expect(422);
      expect(moved.body.code).toBe('RUN_DATE_IN_PAST');

      // A run that ended (only old data can have one now).
      await catalogue.service.dataSource.query(`UPDATE run SET start_date = '2020-03-01', end_date = '2020-04-12' WHERE id = $1`, [run.runId]);
      const changed = await hanze.put(`/v1/runs/${run.runId}`, runPlan()).expect(409);
      expect(changed.body).toMatchObject({ code: 'RUN_ENDED', detail: expect.stringMatching(/al afgelopen/) });
      expect((await hanze.post(`/v1/runs/${run.runId}/cancel`, { reason: 'Te laat.' }).expect(409)).body.code).toBe('RUN_ENDED');
    });
  });

  describe('search', () => {
    const ids: Record<string, string> = {};
    // Run dates counted from today, once: s2 starts first, then s1; s3 gets a run later in a test.
    const starts = { s1: isoDateInDays(60), s2: isoDateInDays(40), s3: isoDateInDays(150) };
    const kleuter = 'In dit aanbod over kleuteronderwijs werk je met je eigen groep, met opdrachten, feedback en intervisie tussen de bijeenkomsten.';

    beforeAll(async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const specs = {
        s1: { title: 'Rekenen met kleuters', sectors: ['po'], format: 'course', deliveryMode: 'on-site', priceCents: 20_000, pathStepCodes: ['SV-1'] },
        s2: { title: 'Taalontwikkeling bij kleuters', sectors: ['po', 'vso'], national: true, regionIds: [], format: 'coaching', deliveryMode: 'online', priceCents: 60_000, pathStepCodes: ['CO-1'] },
        s3: { title: 'Kleuters observeren', sectors: ['vo'], regionIds: ['haaglanden'], format: 'training', deliveryMode: 'blended', priceCents: 45_000, pathStepCodes: ['CO-2'] },
      };
      for (const [name, spec] of Object.entries(specs)) {
        ids[name] = (await catalogue.publishedOffer('opleider-hanze', { ...spec, description: kleuter })).offerId;
      }
      await hanze.post(`/v1/offers/${ids.s1}/runs`, oneDayRun(starts.s1, { capacity: 10, enrolmentDeadline: amsterdamTimestamp(isoDateInDays(55)) })).expect(201);
      // Enrolment for s2 has closed already: its deadline was yesterday.
      await hanze
        .post(`/v1/offers/${ids.s2}/runs`, oneDayRun(starts.s2, { online: true, location: null, enrolmentDeadline: amsterdamTimestamp(isoDateInDays(-1)) }))
        .expect(201);
    }, 60_000);

    async function found(query: string): Promise<string[]> {
      const teacher = await catalogue.as('docent-anne');
      const response = await teacher.get(`/v1/search/offers?q=kleuteronderwijs&${query}`).expect(200);
      const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
      return response.body.items.map((hit: { offerId: string }) => names[hit.offerId] ?? hit.offerId);
    }

    it('finds published offers by Dutch full text, with stemming, best match first', async () => {
      expect((await found('')).sort()).toEqual(['s1', 's2', 's3']);
      const teacher = await catalogue.as('docent-anne');
      const stemmed = await teacher.get('/v1/search/offers?q=kleuter%20taalontwikkeling').expect(200);
      expect(stemmed.body.items[0]).toMatchObject({ offerId: ids.s2, title: 'Taalontwikkeling bij kleuters', nextStartDate: starts.s2 });
      expect(stemmed.body.items[0].rank).toBeGreaterThan(0);
    });

    it('filters on sector, region (national counts everywhere), path step, format, mode and price', async () => {
      expect(await found('sector=vso')).toEqual(['s2']);
      expect((await found('region=utrecht-stad')).sort()).toEqual(['s1', 's2']);
      expect(await found('pathStep=SV-1')).toEqual(['s1']);
      expect((await found('format=coaching,course')).sort()).toEqual(['s1', 's2']);
      expect(await found('mode=online')).toEqual(['s2']);
      expect(await found('minPriceCents=30000&maxPriceCents=50000')).toEqual(['s3']);
    });

    it('filters on run dates and open enrolment, sorts by start date, and pages', async () => {
      expect(await found(`startsFrom=${isoDateInDays(50)}`)).toEqual(['s1']);
      expect(await found(`startsUntil=${isoDateInDays(59)}`)).toEqual(['s2']);
      expect(await found('enrolment=open')).toEqual(['s1']);
      expect((await found('enrolment=open,waiting-list')).sort()).toEqual(['s1']);
      // s2's deadline was yesterday: its run is upcoming but closed.
      expect(await found('enrolment=closed')).toEqual(['s2']);
      // The deprecated openPlaces=true is enrolment=open.
      expect(await found('openPlaces=true')).toEqual(['s1']);
      expect(await found('sort=start-date')).toEqual(['s2', 's1', 's3']);
      const teacher = await catalogue.as('docent-anne');
      const second = await teacher.get('/v1/search/offers?q=kleuteronderwijs&sort=start-date&page=2&pageSize=2').expect(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3, totalIsExact: true });
      expect(second.body.items.map((hit: { offerId: string }) => hit.offerId)).toEqual([ids.s3]);
      const beyond = await teacher.get('/v1/search/offers?q=kleuteronderwijs&page=9').expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3, totalIsExact: true });
    });

    it('counts exactly up to 1000 matches; beyond that the total is a lower bound, and a page that is not full is the last', async () => {
      // 1,005 listed offers with a word of their own, written straight into offer_version: the database keeps search's copy.
      const db = catalogue.service.dataSource;
      await db.query(
        `INSERT INTO offer (id, provider_id, status, latest_version, published_version, created_at, updated_at)
         SELECT md5('telwerk' || i)::uuid, $1, 'published', 1, 1, now(), now() FROM generate_series(1, 1005) i`,
        [randomUUID()],
      );
      await db.query(
        `INSERT INTO offer_version (offer_id, version, provider_id, status, listed, title, summary, description, sectors, format, delivery_mode,
           study_load_hours, price_cents, price_covers, region_ids, national, language, learning_outcomes, path_step_codes, team_programme,
           min_group_size, max_group_size, published_at, created_at, updated_at)
         SELECT o.id, 1, o.provider_id, 'published', true, 'Telwerk in groep ' || i, 'Oefenen met telwerk.', 'Telwerk met de hele groep.',
           ARRAY['po'], 'course', 'on-site', 8, 10000, 'Materiaal', ARRAY['utrecht-stad'], false, 'nl', ARRAY['Je telt'], ARRAY['SV-9'], false,
           4, 20, now() - i * interval '1 minute', now(), now()
         FROM generate_series(1, 1005) i JOIN offer o ON o.id = md5('telwerk' || i)::uuid`,
      );
      const teacher = await catalogue.as('docent-anne');
      const search = async (query: string) => (await teacher.get(`/v1/search/offers?q=telwerk&${query}`).expect(200)).body;
      const ids = async (limit: number) =>
        (await db.query(`SELECT offer_id FROM offer_version WHERE listed AND title LIKE 'Telwerk in groep %' ORDER BY offer_id LIMIT ${limit}`)).map(
          (row: { offer_id: string }) => row.offer_id,
        );
      const offerIds = (page: { items: { offerId: string }[] }) => page.items.map((hit) => hit.offerId);

      const first = await search('');
      expect(first).toMatchObject({ total: 1000, totalIsExact: false });
      // Equal ranks: by id, as among all 1,005.
      expect(offerIds(first)).toEqual(await ids(20));
      expect(await search('page=51')).toMatchObject({ total: 1005, totalIsExact: true });
      expect((await search('page=51')).items).toHaveLength(5);
      expect(await search('page=11&pageSize=100')).toMatchObject({ total: 1005, totalIsExact: true });
      // Past the end the total is counted, so a client finds the last page again.
      expect(await search('page=60')).toMatchObject({ items: [], total: 1005, totalIsExact: true });
      expect(offerIds(await search('sort=start-date&pageSize=100'))).toEqual(await ids(100));

      // Unlisting (any write to offer_version) takes them out of search in the same transaction.
      await db.query(`UPDATE offer_version SET listed = false WHERE title = ANY($1)`, [[1, 2, 3, 4, 5, 6].map((i) => `Telwerk in groep ${i}`)]);
      expect(await search('page=50')).toMatchObject({ total: 999, totalIsExact: true });
      expect((await search('page=50')).items).toHaveLength(19);
      await db.query(`DELETE FROM offer_version WHERE title LIKE 'Telwerk in groep %'`);
      await db.query(`DELETE FROM offer WHERE id IN (SELECT md5('telwerk' || i)::uuid FROM generate_series(1, 1005) i)`);
      expect(await search('')).toMatchObject({ items: [], total: 0, totalIsExact: true });
    });

    it('counts places taken from enrolment events, idempotently, into placesLeft, enrolment and the enrolment filter', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const { body: run } = await hanze
        .post(`/v1/offers/${ids.s3}/runs`, oneDayRun(starts.s3, { capacity: 2, enrolmentDeadline: null }))
        .expect(201);
      expect((await found('enrolment=open')).sort()).toEqual(['s1', 's3']);
      const taken = async (expected: number) =>
        eventually(async () => {
          const [row] = await catalogue.service.dataSource.query(`SELECT places_taken FROM run WHERE id = $1`, [run.runId]);
          return row.places_taken === expected ? true : undefined;
        });
      const target = { runId: run.runId, offerId: ids.s3 };
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentConfirmed, a, target);
      // Delivered again as a new message (another event id): still one place.
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentConfirmed, a, target);
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentPromoted, b, target);
      await taken(2);
      expect((await found('enrolment=open')).sort()).toEqual(['s1']);
      expect(await found('enrolment=waiting-list')).toEqual(['s3']);
      expect((await found('enrolment=open,waiting-list')).sort()).toEqual(['s1', 's3']);
      const full = (await hanze.get(`/v1/runs/${run.runId}`).expect(200)).body;
      expect(full).toMatchObject({ capacity: 2, placesLeft: 0, enrolment: 'waiting-list' });
      // placesLeft is in the API, so its change moves updatedAt (updated_since finds it).
      expect(Date.parse(full.updatedAt)).toBeGreaterThan(Date.parse(run.updatedAt));

      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentCancelled, a, target, { heldPlace: true, cause: CancellationCause.TEACHER });
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentCancelled, a, target, { heldPlace: true, cause: CancellationCause.TEACHER });
      // A late confirmation of a cancelled enrolment takes nothing; a waiting-list cancellation frees nothing.
      // Both on a's key, so once c is recorded the late confirmation was handled (one partition, in order).
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentConfirmed, a, target);
      await catalogue.publishEnrolment(EnrolmentsEvents.EnrolmentCancelled, c, target, { heldPlace: false, cause: CancellationCause.TEACHER }, a);
      await eventually(async () => {
        const [row] = await catalogue.service.dataSource.query(`SELECT count(*)::int AS n FROM run_enrolment WHERE run_id = $1`, [run.runId]);
        const [late] = await catalogue.service.dataSource.query(`SELECT cancelled FROM run_enrolment WHERE enrolment_id = $1`, [c]);
        return row.n === 3 && late ? true : undefined;
      });
      await taken(1);
      expect((await found('enrolment=open')).sort()).toEqual(['s1', 's3']);
      expect((await hanze.get(`/v1/runs/${run.runId}`).expect(200)).body).toMatchObject({ capacity: 2, placesLeft: 1, enrolment: 'open' });
    });

    it('refuses bad search input with 400 and Dutch messages', async () => {
      const teacher = await catalogue.as('docent-anne');
      const response = await teacher.get('/v1/search/offers?sector=hbo&minPriceCents=veel&startsFrom=morgen&sort=prijs&enrolment=vol').expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['enrolment', 'minPriceCents', 'sector', 'sort', 'startsFrom']);
      await teacher.get(`/v1/search/offers?q=${encodeURIComponent('"&|!:*()')}`).expect(200);
    });
  });

  describe('provider API', () => {
    it('returns the original response for a repeated Idempotency-Key, and 422 for the same key with another body', async () => {
      const hanze = await catalogue.as('opleider-hanze');
      const key = randomUUID();
      const first = await hanze.post('/v1/offers', offerContent({ title: 'Idempotent aanbod' })).set('Idempotency-Key', key).expect(201);
      const repeat = await hanze.post('/v1/offers', offerContent({ title: 'Idempotent aanbod' })).set('Idempotency-Key', key).expect(201);
      expect(repeat.body).toEqual(first.body);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      const [{ count }] = await catalogue.service.dataSource.query(
        `SELECT count(*)::int AS count FROM offer_version WHERE title = 'Idempotent aanbod'`,
      );
      expect(count).toBe(1);

      const reused = await hanze.post('/v1/offers', offerContent({ title: 'Iets anders' })).set('Idempotency-Key', key).expect(422);
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(reused.body.detail).toMatch(/al gebruikt/);
      // Keys are per caller: another provider's same key is a new request.
      await (await catalogue.as('opleider-windesheim')).post('/v1/offers', offerContent({ title: 'Idempotent aanbod' })).set('Idempotency-Key', key).expect(201);
      // A failed request frees its key.
      const failing = randomUUID();
      await hanze.post('/v1/offers', offerContent({ minGroupSize: 30 })).set('Idempotency-Key', failing).expect(400);
      await hanze.post('/v1/offers', offerContent({ minGroupSize: 30 })).set('Idempotency-Key', failing).expect(400);
      await hanze.post('/v1/offers', offerContent()).set('Idempotency-Key', 'met spatie').expect(400);
    });

    it('lists only offers whose API-visible fields changed since updated_since, paginated', async () => {
      const windesheim = await catalogue.as('opleider-windesheim');
      const a = (await windesheim.post('/v1/offers', offerContent({ title: 'Aanbod A' })).expect(201)).body;
      const b = (await windesheim.post('/v1/offers', offerContent({ title: 'Aanbod B' })).expect(201)).body;
      // From the last change seen, as a provider system would go on: updated_since counts only what came after it.
      const since: string = [a.updatedAt, b.updatedAt].sort().at(-1);
      expect((await windesheim.get(`/v1/providers/me/offers?updated_since=${encodeURIComponent(since)}`).expect(200)).body.total).toBe(0);
      // The same content again is no change.
      await windesheim.put(`/v1/offers/${a.offerId}`, offerContent({ title: 'Aanbod A' })).expect(200);
      await windesheim.put(`/v1/offers/${b.offerId}`, offerContent({ title: 'Aanbod B, herzien' })).expect(200);
      const changed = await windesheim.get(`/v1/providers/me/offers?updated_since=${encodeURIComponent(since)}`).expect(200);
      expect(changed.body.items.map((offer: { offerId: string }) => offer.offerId)).toEqual([b.offerId]);

      const page = await windesheim.get('/v1/providers/me/offers?page=1&pageSize=1').expect(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      // Oldest change first: the offer changed last comes last, after A.
      const all = (await windesheim.get('/v1/providers/me/offers?pageSize=100').expect(200)).body.items.map((offer: { offerId: string }) => offer.offerId);
      expect(all.indexOf(a.offerId)).toBeLessThan(all.indexOf(b.offerId));
      expect(all.at(-1)).toBe(b.offerId);
      await windesheim.get('/v1/providers/me/offers?updated_since=gisteren').expect(400);
    });

    it('feeds the provider its decisions in order, from a cursor', async () => {
      const windesheim = await catalogue.as('opleider-windesheim');
      const start = (await windesheim.get('/v1/providers/me/changes').expect(200)).body.nextCursor;
      const { offerId } = await catalogue.publishedOffer('opleider-windesheim');
      await windesheim.post(`/v1/offers/${offerId}/withdraw`, { reason: 'Vervalt.' }).expect(200);

      const first = await windesheim.get(`/v1/providers/me/changes?after=${start}&limit=2`).expect(200);
      expect(first.body.items.map((item: { kind: string }) => item.kind)).toEqual(['submitted', 'published']);
      expect(first.body.hasMore).toBe(true);
      const next = await windesheim.get(`/v1/providers/me/changes?after=${first.body.nextCursor}`).expect(200);
      expect(next.body.items).toMatchObject([{ kind: 'withdrawn', offerId, detail: { reason: 'Vervalt.' } }]);
      expect(next.body.hasMore).toBe(false);
      const hanzeFeed = await (await catalogue.as('opleider-hanze')).get(`/v1/providers/me/changes?after=${start}`).expect(200);
      expect(hanzeFeed.body.items.map((item: { offerId: string }) => item.offerId)).not.toContain(offerId);
      await windesheim.get('/v1/providers/me/changes?after=abc').expect(400);
    });
  });

  describe('search’s copy of the listed versions', () => {
    it('is equal to the listed versions after every change above (listed_offer, kept by a trigger)', async () => {
      const columns = 'offer_id, version, search_vector, sectors, region_ids, national, path_step_codes, format, delivery_mode, price_cents, team_programme, published_at';
      const [{ listed, differ }] = await catalogue.service.dataSource.query(
        `SELECT (SELECT count(*)::int FROM offer_version WHERE listed) AS listed,
                (SELECT count(*)::int FROM ((SELECT ${columns} FROM offer_version WHERE listed EXCEPT SELECT ${columns} FROM listed_offer)
                  UNION ALL (SELECT ${columns} FROM listed_offer EXCEPT SELECT ${columns} FROM offer_version WHERE listed)) d) AS differ`,
      );
      expect(listed).toBeGreaterThan(5);
      expect(differ).toBe(0);
    });
  });
});
