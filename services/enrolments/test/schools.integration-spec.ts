import { startTestService, type TestService } from '@napl/testing';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';
import { UTRECHT_SCHOOL } from './support/test-schools';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The list of schools is data the ministry manages: no migration seeds it, and only the ministry or an admin edits it. */
describe('schools', () => {
  let service: TestService<EnrolmentsConfig>;

  beforeAll(async () => {
    service = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      env: { PARTICIPATION_SCHEDULER_INTERVAL_MS: '0' },
    });
  }, 60_000);

  afterAll(() => service?.close());

  it('starts with no schools, registers one as the ministry, and corrects it', async () => {
    const ministry = await service.tokenFor('ministerie-ocw');
    expect((await service.http().get('/v1/schools').set(bearer(ministry)).expect(200)).body).toEqual([]);

    const { schoolId, ...fields } = UTRECHT_SCHOOL;
    expect((await service.http().put(`/v1/schools/${schoolId}`).set(bearer(ministry)).send(fields).expect(201)).body).toEqual(UTRECHT_SCHOOL);
    const corrected = { ...fields, name: 'OBS De Regenboog (hoofdlocatie)' };
    await service.http().put(`/v1/schools/${schoolId}`).set(bearer(await service.tokenFor('beheerder'))).send(corrected).expect(200);

    const teacher = await service.tokenFor('docent-anne');
    expect((await service.http().get('/v1/schools').set(bearer(teacher)).expect(200)).body).toEqual([{ schoolId, ...corrected }]);
  });

  it('lets nobody else edit the list, and refuses a malformed school', async () => {
    const { schoolId, ...fields } = UTRECHT_SCHOOL;
    for (const account of ['docent-anne', 'schoolleider-utrecht', 'regio-utrecht-stad'] as const) {
      await service.http().put(`/v1/schools/${schoolId}`).set(bearer(await service.tokenFor(account))).send(fields).expect(403);
    }
    const ministry = await service.tokenFor('ministerie-ocw');
    const badId = await service.http().put('/v1/schools/12ab00').set(bearer(ministry)).send(fields).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'schoolId', messages: ['moet een BRIN-code met vestigingsnummer zijn, bijvoorbeeld 12AB00'] }]);
    const badRegion = await service.http().put(`/v1/schools/${schoolId}`).set(bearer(ministry)).send({ ...fields, regionId: 'Utrecht Stad' }).expect(400);
    expect(badRegion.body.errors).toEqual([{ field: 'regionId', messages: [expect.stringMatching(/kleine letters/)] }]);
  });
});
