import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, EnrolmentsEvents, PathsEvents, QualityEvents, TOPICS } from '@napl/contracts';
import { daysFromNow, eventually, TopicProbe, waitUntilConsumed } from '@napl/testing';
import { CURRICULUMONTWIKKELAAR, PathsHarness, STARTBEKWAAM_VAKBEKWAAM } from './support/paths-harness';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Version 1 of a test path: two steps of 16 and 24 hours. */
const FIRST_VERSION = {
  sectors: ['po', 'vo', 'mbo'],
  phases: [
    {
      code: 'fase-1',
      title: 'Basis op orde',
      steps: [
        { code: 'SV-1', title: 'Leerklimaat', competenceAreas: ['pedagogy'], learningOutcomes: ['Een veilig leerklimaat.'], requirement: { minimumHours: 16 } },
        { code: 'SV-2', title: 'Didactiek', competenceAreas: ['subject-didactics'], learningOutcomes: ['Lessen die aansluiten.'], requirement: { minimumHours: 24 } },
      ],
    },
  ],
};

/** Its version 2: SV-1 asks more hours, SV-2 is unchanged, SV-9 is new. */
const NEXT_VERSION = {
  sectors: ['po', 'vo', 'mbo'],
  phases: [
    {
      code: 'fase-1',
      title: 'Basis op orde',
      steps: [
        { code: 'SV-1', title: 'Leerklimaat', competenceAreas: ['pedagogy'], learningOutcomes: ['Een veilig leerklimaat.'], requirement: { minimumHours: 40 } },
        { code: 'SV-2', title: 'Didactiek', competenceAreas: ['subject-didactics'], learningOutcomes: ['Lessen die aansluiten.'], requirement: { minimumHours: 24 } },
      ],
    },
    {
      code: 'fase-2',
      title: 'Nieuw',
      steps: [{ code: 'SV-9', title: 'Digitale geletterdheid', competenceAreas: ['subject-knowledge'], learningOutcomes: ['Digitale vaardigheden.'], requirement: { minimumHours: 8 } }],
    },
  ],
};

describe('paths: teachers\' progress from events, versions, recognition, team view and suggestions', () => {
  let harness: PathsHarness;
  let ministry: string;
  let assessor: string;
  let leader: string;

  beforeAll(async () => {
    harness = await PathsHarness.start('paths');
    ministry = await harness.tokenFor({ subject: 'test-ministry', roles: ['ministry'] });
    assessor = await harness.tokenFor({ subject: 'test-assessor', roles: ['assessor'] });
    leader = await harness.tokenFor({ subject: 'test-leader', roles: ['school-leader'], schoolId: '12AB00' });
  }, 60_000);

  afterAll(() => harness?.close());

  const http = () => harness.http();

  it('is born with the two paths of 2026, published for po, vo and mbo', async () => {
    const teacher = await harness.newTeacher();
    const paths = (await http().get('/v1/paths').set(auth(teacher.token)).expect(200)).body;
    expect(paths.map((path: { code: string; currentVersion: number }) => [path.code, path.currentVersion])).toEqual([
      ['curriculumontwikkelaar', 1],
      ['startbekwaam-vakbekwaam', 1],
    ]);
    const version = (await http().get(`/v1/paths/${CURRICULUMONTWIKKELAAR}/versions/1`).set(auth(teacher.token)).expect(200)).body;
    expect(version.content.sectors).toEqual(['po', 'vo', 'mbo']);
    expect(version.content.phases[0].steps[0]).toMatchObject({ code: 'CO-1', competenceAreas: ['subject-knowledge'] });
  });

  it('counts completed offers toward their steps, completes steps and the path, and announces each once', async () => {
    const teacher = await harness.newTeacher();
    const { teacherPathId } = await harness.startPath(teacher, CURRICULUMONTWIKKELAAR);
    const course = await harness.publishApprovedOffer({ stepCodes: ['CO-1', 'CO-2'], hours: 16 });
    const community = await harness.publishApprovedOffer({ stepCodes: ['CO-3'], hours: 16, format: 'learning-community' });

    await harness.completeAndWait(teacher, course.offerId);
    let progress = await harness.progress(teacher, teacherPathId);
    expect(progress.steps.map((step) => [step.code, step.status, step.hoursCounted])).toEqual([
      ['CO-1', 'completed', 16],
      ['CO-2', 'in-progress', 16],
      ['CO-3', 'not-started', 0],
    ]);
    await harness.completeAndWait(teacher, course.offerId); // a second run of the same offer: 32 hours for CO-2
    await harness.completeAndWait(teacher, community.offerId);
    progress = await harness.progress(teacher, teacherPathId);
    expect(progress).toMatchObject({ completedSteps: 3, completedAt: expect.any(String) });
    expect(await harness.outboxTypes(teacherPathId)).toEqual(['PathStarted', 'StepCompleted', 'StepCompleted', 'StepCompleted', 'PathCompleted']);
  });

  it('changes nothing on a redelivered completion, a second event for the same enrolment, or a replay of the stream', async () => {
    const teacher = await harness.newTeacher();
    const { teacherPathId } = await harness.startPath(teacher);
    const offer = await harness.publishApprovedOffer({ stepCodes: ['SV-1'], hours: 8 });
    // Two copies of one event, on two partitions at once: the inbox applies one.
    const first = await harness.complete(teacher, offer.offerId, { copies: 2, partitions: [0, 1] });
    await waitUntilConsumed(harness.service, first.eventId);
    // The same enrolment completed again under a new event id (a provider's correction re-sent): stored once.
    const again = await harness.complete(teacher, offer.offerId, { enrolmentId: first.enrolmentId });
    await waitUntilConsumed(harness.service, again.eventId);
    // A marker after the copies on the same key: when it is applied, the copies were too.
    const second = await harness.completeAndWait(teacher, offer.offerId);
    expect(second).not.toBe(first.enrolmentId);
    const progress = await harness.progress(teacher, teacherPathId);
    expect(progress.steps[0]).toMatchObject({ code: 'SV-1', hoursCounted: 16, status: 'completed' });
    expect(await harness.outboxTypes(teacherPathId)).toEqual(['PathStarted', 'StepCompleted']);

    // Replay from the start: every event of this teacher's stream once more, as a re-read topic would bring them.
    const replayed = await harness.complete(teacher, offer.offerId, { enrolmentId: first.enrolmentId });
    await waitUntilConsumed(harness.service, replayed.eventId);
    expect((await harness.progress(teacher, teacherPathId)).steps[0].hoursCounted).toBe(16);
    expect(await harness.outboxTypes(teacherPathId)).toEqual(['PathStarted', 'StepCompleted']);
  });

  it('counts a completion only while the offer holds a valid mark, also when the events arrive out of order', async () => {
    const teacher = await harness.newTeacher();
    const { teacherPathId } = await harness.startPath(teacher);
    // Revoked before the completion: does not count.
    const revoked = await harness.publishApprovedOffer({ stepCodes: ['SV-2'], hours: 30 });
    await harness.deliver(QualityEvents.MarkRevoked, revoked.offerId, {
      markId: revoked.markId, offerId: revoked.offerId, offerVersion: 1, revokedAt: timestampFromDate(daysFromNow(-1)),
    });
    await harness.completeAndWait(teacher, revoked.offerId);
    expect((await harness.progress(teacher, teacherPathId)).steps[1]).toMatchObject({ code: 'SV-2', status: 'not-started', hoursCounted: 0 });

    // The completion arrives before the offer and its approval (a replay of topics read at different speeds).
    const offerId = randomUUID();
    const markId = randomUUID();
    await harness.completeAndWait(teacher, offerId);
    await harness.deliver(CatalogueEvents.OfferPublished, offerId, { offer: harness.snapshot(offerId, 1, { stepCodes: ['SV-2'], hours: 24 }), revision: 2n });
    expect((await harness.progress(teacher, teacherPathId)).steps[1].status).toBe('not-started'); // no mark yet
    await harness.deliver(QualityEvents.OfferApproved, offerId, {
      assessmentId: randomUUID(), offerId, offerVersion: 1, providerId: randomUUID(), markId,
      validUntil: timestampFromDate(daysFromNow(365)), decidedAt: timestampFromDate(daysFromNow(-30)),
    });
    expect((await harness.progress(teacher, teacherPathId)).steps[1]).toMatchObject({ status: 'completed', hoursCounted: 24 });
    expect(await harness.outboxTypes(teacherPathId)).toEqual(['PathStarted', 'StepCompleted']);
  });

  it('keeps teachers on their version when a new one is published, and moves one who chooses to', async () => {
    // A path of this test's own, added by the ministry through the API.
    const created = (
      await http().post('/v1/paths').set(auth(ministry)).send({ code: 'test-versies', title: 'Pad om versies te proberen', content: FIRST_VERSION }).expect(201)
    ).body;
    expect(created).toMatchObject({ version: 1, status: 'draft' });
    const pathId = created.pathId;
    await http().post(`/v1/paths/${pathId}/versions/1/publish`).set(auth(ministry)).expect(200);
    const teacher = await harness.newTeacher();
    const { teacherPathId } = await harness.startPath(teacher, pathId);
    const offer = await harness.publishApprovedOffer({ stepCodes: ['SV-1', 'SV-2'], hours: 24 });
    await harness.completeAndWait(teacher, offer.offerId);

    const draft = (await http().post(`/v1/paths/${pathId}/versions`).set(auth(ministry)).send({ content: NEXT_VERSION }).expect(201)).body;
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    await http().get(`/v1/paths/${pathId}/versions/2`).set(auth(teacher.token)).expect(404); // drafts are the ministry's
    await http().post(`/v1/paths/${pathId}/versions/2/publish`).set(auth(ministry)).expect(200);
    // Published is fixed for good.
    const edit = await http().put(`/v1/paths/${pathId}/versions/2`).set(auth(ministry)).send({ content: NEXT_VERSION }).expect(409);
    expect(edit.body).toMatchObject({ code: 'VERSION_NOT_DRAFT', detail: expect.stringMatching(/nooit gewijzigd/) });

    expect((await harness.progress(teacher, teacherPathId)).version).toBe(1);
    const newcomer = await harness.newTeacher();
    expect((await harness.startPath(newcomer, pathId)).version).toBe(2);

    const preview = (await http().post(`/v1/teacher-paths/${teacherPathId}/version`).set(auth(teacher.token)).send({ version: 2, preview: true }).expect(200)).body;
    expect(preview).toMatchObject({ moved: false, stepsKept: ['SV-2'], stepsLost: ['SV-1'] });
    expect((await harness.progress(teacher, teacherPathId)).version).toBe(1);
    const moved = (await http().post(`/v1/teacher-paths/${teacherPathId}/version`).set(auth(teacher.token)).send({ version: 2 }).expect(200)).body;
    expect(moved.teacherPath.steps.map((step: { code: string; status: string }) => [step.code, step.status])).toEqual([
      ['SV-1', 'in-progress'],
      ['SV-2', 'completed'],
      ['SV-9', 'not-started'],
    ]);
    // Completed on version 1, no longer on version 2 (SV-1 asks more hours now): the move says so.
    expect((await harness.outboxTypes(teacherPathId)).slice(-2)).toEqual(['PathVersionChanged', 'PathCompletionWithdrawn']);
    await http().post(`/v1/teacher-paths/${teacherPathId}/version`).set(auth(teacher.token)).send({ version: 7 }).expect(404);
  });

  it('completes a step by recognition (assessor or own school leader), and withdraws it with a reason, in the history', async () => {
    const teacher = await harness.newTeacher('12AB00');
    const { teacherPathId } = await harness.startPath(teacher, CURRICULUMONTWIKKELAAR);
    const otherLeader = await harness.tokenFor({ subject: 'other-leader', roles: ['school-leader'], schoolId: '34CD01' });
    const body = { evidenceReference: 'EVC-dossier 2026-114', reason: 'Tien jaar methodeontwikkeling aantoonbaar.' };

    await http().post(`/v1/teacher-paths/${teacherPathId}/steps/CO-1/recognitions`).set(auth(otherLeader)).send(body).expect(404);
    await http().post(`/v1/teacher-paths/${teacherPathId}/steps/CO-1/recognitions`).set(auth(teacher.token)).send(body).expect(403);
    const unknownStep = await http().post(`/v1/teacher-paths/${teacherPathId}/steps/XX-9/recognitions`).set(auth(assessor)).send(body).expect(404);
    expect(unknownStep.body).toMatchObject({ code: 'STEP_NOT_FOUND' });

    const recognition = (await http().post(`/v1/teacher-paths/${teacherPathId}/steps/CO-1/recognitions`).set(auth(leader)).send(body).expect(201)).body;
    expect((await harness.progress(teacher, teacherPathId)).steps[0]).toMatchObject({ status: 'completed', completedBy: 'recognition' });
    await http().post(`/v1/teacher-paths/${teacherPathId}/steps/CO-1/recognitions`).set(auth(assessor)).send(body).expect(409);

    await http()
      .post(`/v1/teacher-paths/${teacherPathId}/recognitions/${recognition.recognitionId}/withdraw`)
      .set(auth(assessor))
      .send({ reason: 'Dossier onvolledig.' })
      .expect(200);
    expect((await harness.progress(teacher, teacherPathId)).steps[0]).toMatchObject({ status: 'not-started', completedBy: null });
    const history = (await http().get(`/v1/teacher-paths/${teacherPathId}/steps/CO-1`).set(auth(teacher.token)).expect(200)).body;
    expect(history.recognitions).toEqual([
      expect.objectContaining({ evidenceReference: body.evidenceReference, recognisedByRole: 'school-leader', withdrawalReason: 'Dossier onvolledig.', withdrawnAt: expect.any(String) }),
    ]);
    expect(await harness.outboxTypes(teacherPathId)).toEqual(['PathStarted', 'StepCompleted', 'StepRecognitionWithdrawn']);

    // Erasure in enrolments reaches paths by its event: the texts about the teacher go, the facts stay.
    await http().put(`/v1/teachers/${teacher.teacherId}/team-view-consent`).set(auth(teacher.token)).send({ given: true }).expect(200);
    await harness.deliver(EnrolmentsEvents.TeacherErased, teacher.teacherId, { teacherId: teacher.teacherId, erasedAt: timestampFromDate(new Date()) });
    const erased = (await http().get(`/v1/teacher-paths/${teacherPathId}/steps/CO-1`).set(auth(teacher.token)).expect(200)).body;
    expect(erased.recognitions).toEqual([
      expect.objectContaining({ evidenceReference: '[gewist]', reason: '[gewist]', withdrawalReason: '[gewist]', recognisedByRole: 'school-leader' }),
    ]);
    expect((await http().get(`/v1/teachers/${teacher.teacherId}/team-view-consent`).set(auth(teacher.token)).expect(200)).body.given).toBe(false);
  });

  it('shows the school leader the team in counts, and a teacher by id only with consent the teacher gives and withdraws', async () => {
    const school = '56EF00';
    const schoolLeader = await harness.tokenFor({ subject: 'leader-56EF', roles: ['school-leader'], schoolId: school });
    const [ann, ben] = [await harness.newTeacher(school), await harness.newTeacher(school)];
    const annPath = await harness.startPath(ann);
    await harness.startPath(ben);

    let team = (await http().get(`/v1/schools/${school}/team-paths`).set(auth(schoolLeader)).expect(200)).body;
    expect(team.paths).toEqual([expect.objectContaining({ pathCode: 'startbekwaam-vakbekwaam', teachers: 2, completed: 0 })]);
    expect(team.teachersWithConsent).toEqual([]);
    await http().get(`/v1/teacher-paths/${annPath.teacherPathId}`).set(auth(schoolLeader)).expect(404);

    await http().put(`/v1/teachers/${ben.teacherId}/team-view-consent`).set(auth(ann.token)).send({ given: true }).expect(403); // not for someone else
    await http().put(`/v1/teachers/${ann.teacherId}/team-view-consent`).set(auth(ann.token)).send({ given: true }).expect(200);
    team = (await http().get(`/v1/schools/${school}/team-paths`).set(auth(schoolLeader)).expect(200)).body;
    expect(team.teachersWithConsent.map((path: { teacherId: string }) => path.teacherId)).toEqual([ann.teacherId]);
    await http().get(`/v1/teacher-paths/${annPath.teacherPathId}`).set(auth(schoolLeader)).expect(200);
    await http().get(`/v1/schools/12AB00/team-paths`).set(auth(schoolLeader)).expect(403);

    await http().put(`/v1/teachers/${ann.teacherId}/team-view-consent`).set(auth(ann.token)).send({ given: false }).expect(200);
    team = (await http().get(`/v1/schools/${school}/team-paths`).set(auth(schoolLeader)).expect(200)).body;
    expect(team.teachersWithConsent).toEqual([]);
  });

  it('suggests approved offers with places left, in the region or online, and drops them when the mark ends or the run fills', async () => {
    const teacher = await harness.newTeacher();
    const { teacherPathId } = await harness.startPath(teacher);
    const step = 'SV-4';
    const inRegion = await harness.publishApprovedOffer({ stepCodes: [step], hours: 8, regionIds: ['utrecht-stad'] });
    const elsewhere = await harness.publishApprovedOffer({ stepCodes: [step], hours: 8, regionIds: ['haaglanden'] });
    const onlineElsewhere = await harness.publishApprovedOffer({ stepCodes: [step], hours: 8, regionIds: ['haaglanden'] });
    const expiring = await harness.publishApprovedOffer({ stepCodes: [step], hours: 8 });
    const full = await harness.publishApprovedOffer({ stepCodes: [step], hours: 8 });
    await harness.scheduleRun(inRegion.offerId, { capacity: 10 });
    await harness.scheduleRun(elsewhere.offerId, { capacity: 10 });
    await harness.scheduleRun(onlineElsewhere.offerId, { capacity: 10, online: true });
    await harness.scheduleRun(expiring.offerId, { capacity: 10 });
    const fullRun = await harness.scheduleRun(full.offerId, { capacity: 1 });
    // An offer never approved (published without a mark event) is not suggested either.
    const unapprovedId = randomUUID();
    await harness.deliver(CatalogueEvents.OfferPublished, unapprovedId, { offer: harness.snapshot(unapprovedId, 1, { stepCodes: [step], hours: 8 }), revision: 2n });
    await harness.scheduleRun(unapprovedId, { capacity: 10 });

    const suggested = async () => {
      const body = (await http().get(`/v1/teacher-paths/${teacherPathId}/suggestions?regionId=utrecht-stad`).set(auth(teacher.token)).expect(200)).body;
      return body.find((entry: { stepCode: string }) => entry.stepCode === step).offers.map((offer: { offerId: string }) => offer.offerId).sort();
    };
    expect(await suggested()).toEqual([inRegion.offerId, onlineElsewhere.offerId, expiring.offerId, full.offerId].sort());

    await harness.deliver(QualityEvents.MarkExpired, expiring.offerId, { markId: expiring.markId, offerId: expiring.offerId, offerVersion: 1, expiredAt: timestampFromDate(new Date()) });
    const enrolmentId = randomUUID();
    await harness.deliver(EnrolmentsEvents.EnrolmentConfirmed, enrolmentId, {
      enrolment: { enrolmentId, teacherId: randomUUID(), runId: fullRun, offerId: full.offerId, offerVersion: 1, providerId: randomUUID() },
    });
    expect(await suggested()).toEqual([inRegion.offerId, onlineElsewhere.offerId].sort());
    // Another teacher's path is not this teacher's to ask about.
    const stranger = await harness.newTeacher();
    await http().get(`/v1/teacher-paths/${teacherPathId}/suggestions`).set(auth(stranger.token)).expect(404);
  });

  it('refuses bad input with a clear Dutch problem: unknown path, sector not in the path, a second start, an invalid draft', async () => {
    const teacher = await harness.newTeacher();
    const unknown = await http().post('/v1/teacher-paths').set(auth(teacher.token)).send({ pathId: randomUUID(), sector: 'po' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'PATH_NOT_FOUND', detail: 'Dit ontwikkelpad bestaat niet.' });
    await http().post('/v1/teacher-paths').set(auth(teacher.token)).send({ pathId: STARTBEKWAAM_VAKBEKWAAM, sector: 'hbo' }).expect(400);
    await harness.startPath(teacher, CURRICULUMONTWIKKELAAR, 'mbo');
    const twice = await http().post('/v1/teacher-paths').set(auth(teacher.token)).send({ pathId: CURRICULUMONTWIKKELAAR, sector: 'mbo' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_ON_PATH' });

    const duplicateSteps = {
      code: 'dubbele-stappen',
      title: 'Pad met dubbele stappen',
      content: { sectors: ['po'], phases: [{ code: 'fase', title: 'Fase', steps: [NEXT_VERSION.phases[1].steps[0], NEXT_VERSION.phases[1].steps[0]] }] },
    };
    const invalid = await http().post('/v1/paths').set(auth(ministry)).send(duplicateSteps).expect(400);
    expect(invalid.body).toMatchObject({ code: 'INVALID_DEFINITION', detail: expect.stringMatching(/komt meer dan eens voor/) });
    await http().post('/v1/paths').set(auth(teacher.token)).send(duplicateSteps).expect(403);
  });

  it('publishes its events on Kafka with the pseudonymous id only', async () => {
    const probe = await TopicProbe.on(harness.service.config.KAFKA_TOPIC_PREFIX + TOPICS.pathsTeacherPath.name);
    try {
      const teacher = await harness.newTeacher();
      const { teacherPathId } = await harness.startPath(teacher);
      const started = await eventually(
        async () => probe.eventsOf(PathsEvents.PathStarted).find((event) => event.teacherPath?.teacherPathId === teacherPathId),
        15_000,
        'PathStarted on Kafka',
      );
      expect(started.teacherPath).toMatchObject({ teacherId: teacher.teacherId, pathCode: 'startbekwaam-vakbekwaam', version: expect.any(Number), sector: 'po', schoolId: '12AB00' });
    } finally {
      await probe.close();
    }
  });
});
