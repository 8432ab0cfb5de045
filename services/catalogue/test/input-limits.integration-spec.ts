import type { Response } from 'supertest';
import { DEMO_ACCOUNTS, serviceAudience } from '@napl/auth';
import { openApiDocument } from '@napl/service-kit';
import type { TestService } from '@napl/testing';
import type { CatalogueConfig } from '../src/catalogue.config';
import { CATALOGUE_SERVICE } from '../src/catalogue.description';
import { CatalogueHarness, runPlan, startCatalogue } from './catalogue-harness';

/** A 4xx problem response with a Dutch message: never a 5xx, never Express's or Nest's English. */
function expectDutchProblem(response: Response, status: number, code?: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status, ...(code ? { code } : {}) } });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.detail).toMatch(/ (de|het|een|is|moet|niet|te|van) /);
}

/**
 * The platform's HTTP conventions as the catalogue runs them: the body is limited in size and depth before
 * validation, only JSON is read, dates are only those the code can read, optional means absent, every answer carries
 * the security headers, and tokens are checked for this service's audience.
 */
describe('catalogue: hostile input and HTTP conventions', () => {
  let h: CatalogueHarness;
  let token: string;
  let offerId: string;
  const post = (path: string) => h.service.http().post(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    h = await CatalogueHarness.start();
    token = await h.service.tokenFor('opleider-hanze');
    ({ offerId } = await h.publishedOffer());
  });
  afterAll(() => h?.close());

  describe('request bodies', () => {
    it('refuses a body nested 10,000 levels deep (20 KB) with 400 before validation, where it used to be a 500', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      for (const body of [`{"startDate":${deep}}`, '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)]) {
        const response = await post(`/v1/offers/${offerId}/runs`).set('Content-Type', 'application/json').send(body);
        expectDutchProblem(response, 400, 'BODY_TOO_DEEP');
      }
      const response = await post('/v1/offers').set('Content-Type', 'application/json').send(`{"title":${deep}}`);
      expectDutchProblem(response, 400, 'BODY_TOO_DEEP');
    });

    it('refuses a body over the size limit with 413', async () => {
      const response = await post(`/v1/offers/${offerId}/runs`).send({ location: 'x'.repeat(200_000) });
      expectDutchProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses malformed JSON with 400', async () => {
      for (const body of ['{"startDate":', '{startDate: 1}', '"just a string"']) {
        expectDutchProblem(await post(`/v1/offers/${offerId}/runs`).set('Content-Type', 'application/json').send(body), 400, 'INVALID_JSON');
      }
    });

    it('refuses another media type or charset with 415, instead of validating an empty body', async () => {
      for (const [type, body] of [
        ['text/plain', 'hello'],
        ['application/xml', '<run/>'],
        ['application/x-www-form-urlencoded', 'startDate=2027-01-20'],
        ['multipart/form-data; boundary=x', '--x--'],
        ['application/json; charset=latin1', '{}'],
      ]) {
        expectDutchProblem(await post(`/v1/offers/${offerId}/runs`).set('Content-Type', type).send(body), 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('refuses members that reach a prototype, which would otherwise be dropped silently', async () => {
      const plan = JSON.stringify(runPlan()).slice(1, -1);
      for (const body of [`{"__proto__":{"admin":true},${plan}}`, `{"constructor":{"prototype":{"admin":true}},${plan}}`]) {
        const response = await post(`/v1/offers/${offerId}/runs`).set('Content-Type', 'application/json').send(body);
        expectDutchProblem(response, 400, 'FORBIDDEN_FIELD_NAME');
      }
    });

    it('refuses a lone surrogate in a string (isEmail threw on it), and takes a real pair', async () => {
      const admin = await h.service.tokenFor('beheerder');
      const provider = (email: string) =>
        h.service.http().post('/v1/providers').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json')
          .send(`{"name":"Academie \\ud83d\\ude00","kvkNumber":"12345678","contactEmail":"${email}"}`);
      expectDutchProblem(await provider('a\\ud800@example.nl'), 400, 'INVALID_TEXT');
      const created = await provider('info@academie.example');
      expect(created.status).toBe(201);
      expect(created.body.name).toBe('Academie 😀');
    });

    it('refuses a JSON array or null where an object is expected', async () => {
      for (const body of ['[]', `[${JSON.stringify(runPlan())}]`, 'null']) {
        const response = await post(`/v1/offers/${offerId}/runs`).set('Content-Type', 'application/json').send(body);
        expect(response.status).toBe(400);
        expectDutchProblem(response, 400);
      }
    });

    it('refuses a path it cannot decode with a Dutch 400', async () => {
      expectDutchProblem(await h.service.http().get('/v1/runs/%FF').set('Authorization', `Bearer ${token}`), 400);
    });

    it('still takes a request without a body', async () => {
      const response = await post(`/v1/offers/${offerId}/runs`);
      expectDutchProblem(response, 400, 'INVALID_INPUT');
    });
  });

  describe('dates', () => {
    it.each(['2027-W05-3', '2027-035', '20270120', '+002027-01-20T10:00:00Z', '2027-01-20T10:00:00', '2027-02-30T10:00:00+01:00'])(
      'refuses the enrolment deadline %s with 400, where Date cannot read it',
      async (enrolmentDeadline) => {
        const response = await post(`/v1/offers/${offerId}/runs`).send(runPlan({ enrolmentDeadline }));
        expectDutchProblem(response, 400, 'INVALID_INPUT');
        expect(response.body.errors).toEqual([{ field: 'enrolmentDeadline', messages: [expect.stringMatching(/^moet een tijdstip zijn/)] }]);
      },
    );

    it('refuses a date that does not exist', async () => {
      const response = await post(`/v1/offers/${offerId}/runs`).send(runPlan({ startDate: '2027-02-30' }));
      expectDutchProblem(response, 400, 'INVALID_INPUT');
      expect(response.body.errors).toEqual([{ field: 'startDate', messages: ['moet een bestaande datum zijn (JJJJ-MM-DD)'] }]);
    });

    it('refuses updated_since in a form Date cannot read, on both lists', async () => {
      for (const path of [`/v1/offers/${offerId}/runs?updated_since=2027-035`, '/v1/providers/me/offers?updated_since=2027-W05-3']) {
        expectDutchProblem(await h.service.http().get(path).set('Authorization', `Bearer ${token}`), 400, 'INVALID_INPUT');
      }
    });
  });

  describe('optional and nullable fields', () => {
    it('refuses null for an optional field', async () => {
      const plan = runPlan();
      const sessions = (plan.sessions as object[]).map((session) => ({ ...session, topic: null }));
      const response = await post(`/v1/offers/${offerId}/runs`).send({ ...plan, sessions });
      expectDutchProblem(response, 400, 'INVALID_INPUT');
      expect(response.body.errors[0]).toMatchObject({ field: 'sessions.0.topic', messages: expect.arrayContaining([expect.stringMatching(/mag niet null zijn/)]) });
    });

    it('takes null where a field may be cleared (an online run has no location)', async () => {
      const response = await post(`/v1/offers/${offerId}/runs`).send(runPlan({ online: true, location: null, enrolmentDeadline: null, priceCents: null }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ location: null, enrolmentDeadline: null, priceCents: null });
    });
  });

  describe('response headers', () => {
    it('sends the security headers and no X-Powered-By, on answers, errors and refused bodies alike', async () => {
      const responses = [
        await h.service.http().get('/session').set('Authorization', `Bearer ${token}`).expect(200),
        await h.service.http().get('/session').expect(401),
        await post(`/v1/offers/${offerId}/runs`).set('Content-Type', 'text/plain').send('x').expect(415),
      ];
      for (const { headers } of responses) {
        expect(headers['x-powered-by']).toBeUndefined();
        expect(headers).toMatchObject({
          'content-security-policy': "default-src 'none';frame-ancestors 'none'",
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'referrer-policy': 'no-referrer',
          'cross-origin-resource-policy': 'same-origin',
          'cache-control': 'no-store',
        });
      }
    });

    it('serves the API documents outside production, with a policy that lets Swagger UI run', async () => {
      const ui = await h.service.http().get('/docs').expect(200);
      expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
      const document = await h.service.http().get('/docs/openapi.json').expect(200);
      expect(document.body.paths['/v1/offers/{offerId}/runs']).toBeDefined();
    });
  });

  describe('tokens', () => {
    it("refuses a token for another service's audience", async () => {
      const forQuality = await h.service.issuer.issue(DEMO_ACCOUNTS['opleider-hanze'], '1h', serviceAudience('quality'));
      expectDutchProblem(await h.service.http().get('/session').set('Authorization', `Bearer ${forQuality}`), 401, 'UNAUTHENTICATED');
      const forCatalogue = await h.service.issuer.issue(DEMO_ACCOUNTS['opleider-hanze'], '1h', serviceAudience('catalogue'));
      await h.service.http().get('/session').set('Authorization', `Bearer ${forCatalogue}`).expect(200);
    });
  });
});

describe('catalogue with API_DOCS=off', () => {
  let service: TestService<CatalogueConfig>;
  beforeAll(async () => {
    service = await startCatalogue({ API_DOCS: 'off' });
  });
  afterAll(() => service?.close());

  it('does not serve the API documents, but still builds them in-process', async () => {
    await service.http().get('/docs').expect(404);
    await service.http().get('/docs/openapi.json').expect(404);
    const document = openApiDocument(service.app, CATALOGUE_SERVICE);
    expect(document.info.title).toBe(CATALOGUE_SERVICE.title);
    expect(Object.keys(document.paths)).toContain('/v1/offers');
  });
});
