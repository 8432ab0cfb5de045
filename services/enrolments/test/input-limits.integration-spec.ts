import { startTestService, type TestService } from '@napl/testing';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';
import { registerSchools, UTRECHT_SCHOOL } from './support/test-schools';

/** Optional means absent: null for an optional field is refused with a Dutch 400, where it used to be a 500. */
describe('enrolments: null for optional fields', () => {
  let service: TestService<EnrolmentsConfig>;
  let token: string;

  beforeAll(async () => {
    service = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      env: { PARTICIPATION_SCHEDULER_INTERVAL_MS: '0' },
    });
    await registerSchools(service, UTRECHT_SCHOOL);
    token = await service.tokenFor('docent-anne');
  });
  afterAll(() => service?.close());

  const putMe = (body: object) => service.http().put('/v1/teachers/me').set('Authorization', `Bearer ${token}`).send(body);

  it.each(['name', 'email', 'schoolId'])('refuses "%s": null on PUT /v1/teachers/me, and stores nothing', async (field) => {
    const response = await putMe({ sector: 'po', [field]: null });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'INVALID_INPUT', errors: [{ field, messages: expect.arrayContaining([expect.stringMatching(/mag niet null zijn/)]) }] });
    await service.http().get('/v1/teachers/me').set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('takes the same request with the fields left out', async () => {
    const response = await putMe({ sector: 'po', name: 'Anne de Vries' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Anne de Vries', email: null });
  });

  it('refuses a body nested too deep, and a body that is not JSON, on the same route', async () => {
    const deep = await service.http().put('/v1/teachers/me').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(`{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('BODY_TOO_DEEP');
    const text = await service.http().put('/v1/teachers/me').set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain').send('Anne');
    expect(text.status).toBe(415);
  });
});
