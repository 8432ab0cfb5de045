import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Principal } from '@napl/auth';
import { daysFromNow, startTestService, type TestService } from '@napl/testing';
import { KnownMarkEntity } from '../src/catalogue-copy/infrastructure/known-mark.entity';
import { KnownOfferVersionEntity } from '../src/catalogue-copy/infrastructure/known-offer-version.entity';
import { signCredential } from '../src/credentials/infrastructure/credential-jws';
import { publicPemOf, signingKeyFromPem, type SigningKey } from '../src/credentials/infrastructure/credential-keys';
import { IssuedCredentialEntity } from '../src/credentials/infrastructure/issued-credential.entity';
import { openBadgeFor } from '../src/credentials/domain/open-badge';
import type { PathVersionContent } from '../src/paths/domain/path-definition';
import { PathVersionEntity } from '../src/paths/infrastructure/path-version.entity';
import { PathEntity } from '../src/paths/infrastructure/path.entity';
import { PathsConfig } from '../src/paths.config';
import { PATHS_SERVICE } from '../src/paths.description';
import { PathsModule } from '../src/paths.module';
import { CreditedCompletionEntity } from '../src/teacher-paths/infrastructure/credited-completion.entity';
import { StepRecognitionEntity } from '../src/teacher-paths/infrastructure/step-recognition.entity';
import { TeacherPathEntity } from '../src/teacher-paths/infrastructure/teacher-path.entity';

/*
 * Badges of completed steps and paths, end to end on the real Postgres: issued to the teacher, recorded without a
 * name, verified by the public endpoint against the published keys, and refused once a single byte changes. The
 * fixture rows (path, version, teacher path, completions, recognition) are written directly: the events and
 * endpoints that make them in use are tested in their own files.
 */

const ISSUER_URL = 'https://napl.test';
const ecPem = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const CONTENT: PathVersionContent = {
  sectors: ['po'],
  phases: [
    {
      code: 'inductie',
      title: 'Inductie',
      steps: [
        {
          code: 'klas',
          title: 'Lesgeven in de eigen klas',
          competenceAreas: ['pedagogy', 'subject-didactics'],
          learningOutcomes: ['De leraar stemt de instructie af op verschillen tussen leerlingen.'],
          requirement: { minimumHours: 8, requiredFormats: [] },
        },
        {
          code: 'team',
          title: 'Samenwerken in het team',
          competenceAreas: ['professional-community'],
          learningOutcomes: ['De leraar bespreekt eigen lessen met collega\'s.'],
          requirement: { minimumHours: null, requiredFormats: ['intervision'] },
        },
      ],
    },
  ],
};

interface Teacher {
  readonly principal: Principal;
  readonly token: string;
  readonly teacherPathId: string;
}

describe('verifiable credentials of completed steps and paths', () => {
  let service: TestService<PathsConfig>;
  let retiredKey: SigningKey;
  let currentKid: string;
  let pathId: string;
  let pathCode: string;

  beforeAll(async () => {
    const currentPem = ecPem();
    retiredKey = await signingKeyFromPem(ecPem(), 'TEST');
    currentKid = (await signingKeyFromPem(currentPem, 'TEST')).kid;
    service = await startTestService({
      description: PATHS_SERVICE,
      configClass: PathsConfig,
      module: (config, auth) => PathsModule.forRoot(config, auth),
      env: { CREDENTIALS_ISSUER_URL: ISSUER_URL, CREDENTIALS_SIGNING_KEY: currentPem, CREDENTIALS_RETIRED_PUBLIC_KEYS: publicPemOf(retiredKey) },
    });
    pathId = randomUUID();
    pathCode = `startbekwaam-vakbekwaam-${pathId.slice(0, 8)}`;
    await service.dataSource.getRepository(PathEntity).insert({
      pathId,
      code: pathCode,
      title: 'Van startbekwaam naar vakbekwaam',
      description: 'Het inductiepad voor leraren in hun eerste jaren.',
    });
    await service.dataSource.getRepository(PathVersionEntity).insert({ pathId, version: 1, status: 'published', content: CONTENT, publishedAt: new Date() });
  });

  afterAll(() => service?.close());

  /** A teacher on the path, with the step `klas` completed by a credited completion of 8 hours. */
  async function teacherWithCompletedStep(): Promise<Teacher> {
    const principal: Principal = { subject: `test-${randomUUID()}`, roles: ['teacher'], teacherId: randomUUID(), schoolId: '12AB00' };
    const teacherPathId = randomUUID();
    await service.dataSource
      .getRepository(TeacherPathEntity)
      .insert({ teacherPathId, teacherId: principal.teacherId!, schoolId: '12AB00', sector: 'po', pathId, version: 1, startedAt: daysFromNow(-90) });
    const offerId = randomUUID();
    await service.dataSource.getRepository(KnownOfferVersionEntity).insert({ offerId, version: 1, format: 'course', studyLoadHours: 8, pathStepCodes: ['klas'] });
    await service.dataSource
      .getRepository(KnownMarkEntity)
      .insert({ markId: randomUUID(), offerId, offerVersion: 1, validUntil: daysFromNow(365), endedAt: null });
    await service.dataSource
      .getRepository(CreditedCompletionEntity)
      .insert({ enrolmentId: randomUUID(), teacherId: principal.teacherId!, offerId, offerVersion: 1, completedAt: daysFromNow(-10) });
    return { principal, token: await service.tokenFor(principal), teacherPathId };
  }

  async function recogniseTeamStep(teacher: Teacher): Promise<void> {
    await service.dataSource.getRepository(StepRecognitionEntity).insert({
      recognitionId: randomUUID(),
      teacherPathId: teacher.teacherPathId,
      stepCode: 'team',
      evidenceReference: 'dossier 2027-014',
      reason: 'Jaren intervisie geleid op de vorige school.',
      recognisedByRole: 'school-leader',
      recognisedBy: 'demo-schoolleider-utrecht',
      recognisedAt: daysFromNow(-1),
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalReason: null,
    });
  }

  const download = (teacher: Teacher, body: Record<string, unknown>, token = teacher.token) =>
    service.http().post(`/v1/teacher-paths/${teacher.teacherPathId}/credentials`).set('Authorization', `Bearer ${token}`).send(body);
  const verify = (credential: unknown) => service.http().post('/v1/credentials/verify').send({ credential });

  it('publishes the platform\'s public keys, the current and the retired one, to anyone', async () => {
    const response = await service.http().get('/v1/credentials/jwks.json').expect(200);
    expect(response.body.keys.map((key: { kid: string }) => key.kid)).toEqual([currentKid, retiredKey.kid]);
    expect(response.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(response.body)).not.toContain('"d"');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
  });

  it('gives the teacher a badge of a completed step that verifies, records it without a name, and fails after any byte is changed', async () => {
    const teacher = await teacherWithCompletedStep();
    const issued = await download(teacher, { stepCode: 'klas' }).expect(201);
    expect(issued.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), credential: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });

    const verified = await verify(issued.body.credential).expect(200);
    expect(verified.body).toMatchObject({ valid: true, keyId: currentKid });
    const badge = verified.body.credential;
    expect(badge).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:${issued.body.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: ISSUER_URL, type: ['Profile'] },
      credentialSubject: {
        id: `urn:napl:teacher:${teacher.principal.teacherId}`,
        type: ['AchievementSubject'],
        achievement: { id: `${ISSUER_URL}/achievements/paths/${pathCode}/versions/1/steps/klas`, type: ['Achievement'] },
      },
    });
    expect(badge.credentialSubject.achievement.criteria.narrative).toContain('ten minste 8 uur');
    expect(badge.credentialSubject).not.toHaveProperty('identifier');

    const recorded = await service.dataSource.getRepository(IssuedCredentialEntity).findOneByOrFail({ credentialId: issued.body.id });
    expect(recorded).toMatchObject({ teacherPathId: teacher.teacherPathId, stepCode: 'klas', pathVersion: 1, keyId: currentKid });

    // One changed character in the header, the payload, the signature, and the signature's last character.
    const jws: string = issued.body.credential;
    const [header, payload] = jws.split('.');
    for (const index of [5, header.length + 1 + Math.floor(payload.length / 2), jws.length - 20, jws.length - 1]) {
      const changed = jws.slice(0, index) + (jws[index] === 'A' ? 'B' : 'A') + jws.slice(index + 1);
      const answer = await verify(changed).expect(200);
      expect(answer.body).toEqual({ valid: false, reason: expect.stringMatching(/gewijzigd|klopt niet|onleesbaar/) });
    }
  });

  it('puts the name in the badge only when the teacher asks for it, and never records it', async () => {
    const teacher = await teacherWithCompletedStep();
    const named = await download(teacher, { stepCode: 'klas', includeName: true, name: 'Anne de Vries' }).expect(201);
    const { body } = await verify(named.body.credential).expect(200);
    expect(body.credential.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Anne de Vries' }]);
    const rows = await service.dataSource.query(`SELECT * FROM issued_credential WHERE credential_id = $1`, [named.body.id]);
    expect(JSON.stringify(rows)).not.toContain('Anne');

    const refused = await download(teacher, { stepCode: 'klas', name: 'Anne de Vries' }).expect(400);
    expect(refused.body).toMatchObject({ code: 'INVALID_INPUT', detail: expect.stringMatching(/includeName/) });
    await download(teacher, { stepCode: 'klas', includeName: true }).expect(400);
  });

  it('refuses a step or a path that is not completed with a Dutch problem, and an unknown step with 404', async () => {
    const teacher = await teacherWithCompletedStep();
    const step = await download(teacher, { stepCode: 'team' }).expect(409);
    expect(step.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(step.body).toMatchObject({ status: 409, code: 'STEP_NOT_COMPLETED', stepCode: 'team', stepStatus: 'not-started', detail: 'Stap team is nog niet afgerond; een bewijs van de stap kan pas daarna.' });
    const path = await download(teacher, {}).expect(409);
    expect(path.body).toMatchObject({ code: 'PATH_NOT_COMPLETED', detail: expect.stringMatching(/nog niet afgerond \(1 van 2 stappen\)/) });
    const unknown = await download(teacher, { stepCode: 'bestaat-niet' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'STEP_NOT_FOUND' });
    expect(await service.dataSource.getRepository(IssuedCredentialEntity).countBy({ teacherPathId: teacher.teacherPathId })).toBe(0);
  });

  it('gives a badge of the whole path once every step is completed, by offers or by recognition', async () => {
    const teacher = await teacherWithCompletedStep();
    await recogniseTeamStep(teacher);
    const issued = await download(teacher, {}).expect(201);
    const { body } = await verify(issued.body.credential).expect(200);
    expect(body.valid).toBe(true);
    expect(body.credential.credentialSubject.achievement).toMatchObject({ achievementType: 'LearningProgram', name: 'Ontwikkelpad Van startbekwaam naar vakbekwaam afgerond' });
    await download(teacher, { stepCode: 'team' }).expect(201);
  });

  it('answers 404 for another teacher\'s path, whatever it holds, and refuses other roles', async () => {
    const owner = await teacherWithCompletedStep();
    const stranger = await teacherWithCompletedStep();
    const response = await download(owner, { stepCode: 'klas' }, stranger.token).expect(404);
    expect(response.body).toMatchObject({ code: 'TEACHER_PATH_NOT_FOUND', detail: 'Dit pad van een leraar bestaat niet.' });
    const unknown = await download({ ...owner, teacherPathId: randomUUID() }, { stepCode: 'klas' }).expect(404);
    expect(unknown.body).toEqual(response.body);
    await download({ ...owner, teacherPathId: 'geen-uuid' }, { stepCode: 'klas' }).expect(404);
    await download(owner, { stepCode: 'klas' }, await service.tokenFor('schoolleider-utrecht')).expect(403);
    await service.http().post(`/v1/teacher-paths/${owner.teacherPathId}/credentials`).send({ stepCode: 'klas' }).expect(401);
  });

  it('keeps verifying a badge signed with a retired key, and refuses one of a key it does not know', async () => {
    const teacherId = randomUUID();
    const badge = openBadgeFor({
      credentialId: randomUUID(),
      issuerUrl: ISSUER_URL,
      issuedAt: daysFromNow(-400),
      teacherId,
      recipientName: null,
      path: { code: 'startbekwaam-vakbekwaam', title: 'Van startbekwaam naar vakbekwaam', description: '', version: 1, content: CONTENT },
      step: null,
    });
    const old = await verify(await signCredential(badge, retiredKey)).expect(200);
    expect(old.body).toMatchObject({ valid: true, keyId: retiredKey.kid });
    const forged = await verify(await signCredential(badge, await signingKeyFromPem(ecPem(), 'TEST'))).expect(200);
    expect(forged.body).toEqual({ valid: false, reason: 'Het bewijs is ondertekend met een sleutel die dit platform niet kent.' });
  });

  it('answers anything for the verify endpoint without a 5xx: garbage is not valid, a wrong body a Dutch 400', async () => {
    for (const garbage of ['', 'geen bewijs', 'a.b.c', 'eyJhbGciOiJub25lIn0.e30.', '\u0000.\u0000.\u0000']) {
      const answer = await verify(garbage).expect(200);
      expect(answer.body).toMatchObject({ valid: false, reason: expect.any(String) });
    }
    for (const wrong of [undefined, 42, { jws: 'x' }, ['a.b.c'], 'x'.repeat(64 * 1024 + 1)]) {
      const answer = await verify(wrong);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await service.http().post('/v1/credentials/verify').set('Content-Type', 'application/json').send('{"credential":').expect(400);
  });
});
