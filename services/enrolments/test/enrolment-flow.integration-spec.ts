import { randomUUID } from 'node:crypto';
import { CancellationCause, CatalogueEvents, EnrolmentsEvents, NotCompletedReason, Sector, TOPICS } from '@napl/contracts';
import { OutboxMessageEntity, ProcessedEventEntity } from '@napl/messaging';
import { In } from 'typeorm';
import { eventually, isoDateInDays, TopicProbe } from '@napl/testing';
import { startParticipation } from '../src/enrolments/application/enrolment-store';
import { EnrolmentsService } from '../src/enrolments/application/enrolments.service';
import { EnrolmentEntity } from '../src/enrolments/infrastructure/enrolment.entity';
import { NotificationEntity } from '../src/enrolments/infrastructure/notification.entity';
import { KnownOfferEntity } from '../src/offers/infrastructure/known-offer.entity';
import { KnownRunEntity } from '../src/runs/infrastructure/known-run.entity';
import { TeacherEntity } from '../src/teachers/infrastructure/teacher.entity';
import { EnrolmentsHarness, type Teacher } from './support/enrolments-harness';
import { HAGUE_SCHOOL, UTRECHT_SCHOOL } from './support/test-schools';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** The end of a run that has begun (in the past) and is still under way. */
const IN_A_YEAR = isoDateInDays(365);

describe('enrolments: waiting list, team, cancellation, attendance, results and events', () => {
  let harness: EnrolmentsHarness;
  let enrolmentTopic: TopicProbe;
  let participationTopic: TopicProbe;
  let teacherTopic: TopicProbe;
  let hanze: string;
  let windesheim: string;
  let leader: string;

  beforeAll(async () => {
    harness = await EnrolmentsHarness.start('flow');
    await harness.registerSchools(UTRECHT_SCHOOL, HAGUE_SCHOOL);
    enrolmentTopic = await TopicProbe.on(harness.topicPrefix + TOPICS.enrolmentsEnrolment.name);
    participationTopic = await TopicProbe.on(harness.topicPrefix + TOPICS.enrolmentsParticipation.name);
    teacherTopic = await TopicProbe.on(harness.topicPrefix + TOPICS.enrolmentsTeacher.name);
    hanze = await harness.token('opleider-hanze');
    windesheim = await harness.token('opleider-windesheim');
    leader = await harness.token('schoolleider-utrecht');
  }, 60_000);

  afterAll(async () => {
    await enrolmentTopic?.close();
    await participationTopic?.close();
    await teacherTopic?.close();
    await harness?.close();
  });

  const http = () => harness.service.http();

  it('keeps the waiting list in order and promotes the first when a place comes free; the teacher is told', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 2 });
    const [a, b, c, d] = [await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher()];

    expect((await harness.enrol(a, runId).expect(201)).body).toMatchObject({ status: 'confirmed', waitingListPosition: null });
    await harness.enrol(b, runId).expect(201);
    const third = (await harness.enrol(c, runId).expect(201)).body;
    const fourth = (await harness.enrol(d, runId).expect(201)).body;
    expect([third.status, third.waitingListPosition, fourth.waitingListPosition]).toEqual(['waitlisted', 1, 2]);

    const first = (await http().get(`/v1/enrolments?runId=${runId}`).set(auth(a.token)).expect(200)).body.items[0];
    const cancelled = await http().post(`/v1/enrolments/${first.enrolmentId}/cancel`).set(auth(a.token)).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationCause: 'teacher' });

    expect((await http().get(`/v1/enrolments/${third.enrolmentId}`).set(auth(c.token)).expect(200)).body).toMatchObject({ status: 'confirmed' });
    expect((await http().get(`/v1/enrolments/${fourth.enrolmentId}`).set(auth(d.token)).expect(200)).body).toMatchObject({
      status: 'waitlisted',
      waitingListPosition: 1,
    });
    const notifications = (await http().get('/v1/teachers/me/notifications').set(auth(c.token)).expect(200)).body.items;
    expect(notifications).toEqual([expect.objectContaining({ kind: 'promoted', enrolmentId: third.enrolmentId, message: expect.stringMatching(/plaats vrijgekomen/) })]);
    expect((await http().get('/v1/teachers/me/notifications').set(auth(d.token)).expect(200)).body.items).toEqual([]);

    // Through Kafka: promoted, with the pseudonymous id and the school's BRIN and region, no personal data.
    const promoted = await eventually(
      async () => enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentPromoted).find((event) => event.enrolment?.enrolmentId === third.enrolmentId),
      15_000,
      'EnrolmentPromoted on Kafka',
    );
    expect(promoted.enrolment).toMatchObject({ teacherId: c.teacherId, runId, offerId, schoolBrin: '12AB', regionId: 'utrecht-stad', priceCents: 45_000n });
    const cancelledEvent = await eventually(
      async () => enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentCancelled).find((event) => event.enrolment?.enrolmentId === first.enrolmentId),
      15_000,
      'EnrolmentCancelled on Kafka',
    );
    expect(cancelledEvent).toMatchObject({ cause: CancellationCause.TEACHER, heldPlace: true });
  }, 60_000);

  describe('when the catalogue changes the capacity of a run', () => {
    const promotedIn = (runId: string) =>
      enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentPromoted).filter((event) => event.enrolment?.runId === runId);
    /** The EnrolmentPromoted rows this service wrote for these enrolments, in the order they were written. */
    const promotedRows = (enrolmentIds: string[]) =>
      harness.db.getRepository(OutboxMessageEntity).find({
        where: { eventType: EnrolmentsEvents.EnrolmentPromoted.type, messageKey: In(enrolmentIds) },
        order: { position: 'ASC' },
      });
    const statusOf = async (teacher: Teacher, enrolmentId: string) =>
      (await http().get(`/v1/enrolments/${enrolmentId}`).set(auth(teacher.token)).expect(200)).body as { status: string; waitingListPosition: number | null };

    it('promotes the first on the waiting list into the new places, in order, once, also when the change is redelivered', async () => {
      const offerId = await harness.publishOffer();
      const runId = await harness.scheduleRun(offerId, { capacity: 2 });
      const teachers = [await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher()];
      const enrolments: { enrolmentId: string; status: string }[] = [];
      for (const teacher of teachers) enrolments.push((await harness.enrol(teacher, runId).expect(201)).body);
      expect(enrolments.map((e) => e.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
      const [, , c, d, e] = enrolments.map((enrolment) => enrolment.enrolmentId);

      // Returns once the new capacity is stored, and the promotions commit in the same transaction.
      await harness.scheduleRun(offerId, { capacity: 4 }, runId, true);

      expect(await statusOf(teachers[2], c)).toMatchObject({ status: 'confirmed', waitingListPosition: null });
      expect(await statusOf(teachers[3], d)).toMatchObject({ status: 'confirmed', waitingListPosition: null });
      expect(await statusOf(teachers[4], e)).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
      expect((await promotedRows([c, d, e])).map((row) => row.messageKey)).toEqual([c, d]);
      const onKafka = await eventually(async () => (promotedIn(runId).length >= 2 ? promotedIn(runId) : undefined), 15_000, 'two EnrolmentPromoted on Kafka');
      expect(onKafka.map((event) => event.enrolment?.enrolmentId).sort()).toEqual([c, d].sort());
      expect(onKafka[0].enrolment).toMatchObject({ runId, offerId, schoolBrin: '12AB', regionId: 'utrecht-stad' });
      const told = (await http().get('/v1/teachers/me/notifications').set(auth(teachers[2].token)).expect(200)).body.items;
      expect(told).toEqual([expect.objectContaining({ kind: 'promoted', enrolmentId: c, message: expect.stringMatching(/plaats vrijgekomen/) })]);
      expect((await http().get('/v1/teachers/me/notifications').set(auth(teachers[4].token)).expect(200)).body.items).toEqual([]);

      // The same RunChanged again (same event id), then the same capacity in a new change with a marker:
      // once the marker is applied, the redelivered copy before it (same key, same partition) was consumed too.
      const redelivered = await harness.redeliverLatest(runId);
      await harness.scheduleRun(offerId, { capacity: 4, sessionCount: 5 }, runId, true);
      await eventually(
        async () => ((await harness.db.getRepository(KnownRunEntity).findOneBy({ runId, sessionCount: 5 })) ? true : undefined),
        15_000,
        'the marker change',
      );
      expect(await harness.db.getRepository(ProcessedEventEntity).countBy({ eventId: redelivered })).toBe(1);
      expect((await promotedRows([c, d, e])).map((row) => row.messageKey)).toEqual([c, d]);
      expect(await statusOf(teachers[4], e)).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
      expect(await harness.db.getRepository(NotificationEntity).countBy({ enrolmentId: In([c, d, e]) })).toBe(2);
    }, 30_000);

    it('keeps confirmed enrolments when the capacity is lowered and waitlists new ones until places free up', async () => {
      const offerId = await harness.publishOffer();
      const runId = await harness.scheduleRun(offerId, { capacity: 3 });
      const [a, b, c, d] = [await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher(), await harness.newTeacher()];
      const confirmed: { enrolmentId: string }[] = [];
      for (const teacher of [a, b, c]) confirmed.push((await harness.enrol(teacher, runId).expect(201)).body);

      await harness.scheduleRun(offerId, { capacity: 1 }, runId, true);

      const list = (await http().get(`/v1/enrolments?runId=${runId}`).set(auth(hanze)).expect(200)).body.items as { status: string }[];
      expect(list.map((enrolment) => enrolment.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
      const late = (await harness.enrol(d, runId).expect(201)).body;
      expect(late).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });

      // One confirmed leaves: still 2 places taken of 1, so no place is free for the waiting list.
      await http().post(`/v1/enrolments/${confirmed[0].enrolmentId}/cancel`).set(auth(a.token)).expect(200);
      expect(await statusOf(d, late.enrolmentId)).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
      expect(await harness.db.getRepository(EnrolmentEntity).countBy({ runId, status: 'cancelled' })).toBe(1);
      expect((await promotedRows([late.enrolmentId])).length).toBe(0);
    }, 30_000);

    it('promotes nobody when the capacity is raised after the run has started', async () => {
      const offerId = await harness.publishOffer();
      const runId = await harness.scheduleRun(offerId, { capacity: 1 });
      const [a, b] = [await harness.newTeacher(), await harness.newTeacher()];
      await harness.enrol(a, runId).expect(201);
      const waiting = (await harness.enrol(b, runId).expect(201)).body;
      await harness.moveRun(offerId, runId, { capacity: 1, startDate: '2024-02-01', endDate: IN_A_YEAR, enrolmentDeadline: null });

      await harness.moveRun(offerId, runId, { capacity: 3, startDate: '2024-02-01', endDate: IN_A_YEAR, enrolmentDeadline: null });

      expect(await statusOf(b, waiting.enrolmentId)).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
      expect((await promotedRows([waiting.enrolmentId])).length).toBe(0);
    }, 30_000);
  });

  it('enrols a team all or nothing, only of the leader\'s own school, only in a team programme', async () => {
    const teamOffer = await harness.publishOffer({ teamProgramme: true });
    const runId = await harness.scheduleRun(teamOffer, { capacity: 3 });
    const team = await Promise.all([1, 2, 3, 4].map(() => harness.newTeacher('12AB00')));
    const stranger = await harness.newTeacher('34CD01');

    const tooMany = await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).send({ teacherIds: team.map((t) => t.teacherId) }).expect(409);
    expect(tooMany.body).toMatchObject({ code: 'TEAM_DOES_NOT_FIT', detail: expect.stringMatching(/niet genoeg plaatsen voor het hele team: nog 3 plaatsen vrij, 4 nodig/) });
    expect(await harness.db.getRepository(EnrolmentEntity).countBy({ runId })).toBe(0);

    // A teacher of another school answers exactly as an unknown id: the leader learns nothing about who exists elsewhere.
    const otherSchool = await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).send({ teacherIds: [team[0].teacherId, stranger.teacherId] }).expect(422);
    expect(otherSchool.body).toMatchObject({ code: 'TEACHER_NOT_REGISTERED', teacherIds: [stranger.teacherId] });
    const unknownId = randomUUID();
    const unknown = await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).send({ teacherIds: [team[0].teacherId, unknownId] }).expect(422);
    expect({ ...unknown.body, teacherIds: [stranger.teacherId] }).toEqual(otherSchool.body);

    const enrolled = await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).send({ teacherIds: team.slice(0, 3).map((t) => t.teacherId) }).expect(201);
    expect(enrolled.body.enrolments).toHaveLength(3);
    expect(enrolled.body.enrolments.every((e: { status: string; teamEnrolmentId: string }) => e.status === 'confirmed' && e.teamEnrolmentId === enrolled.body.teamEnrolmentId)).toBe(true);

    const plainOffer = await harness.publishOffer();
    const plainRun = await harness.scheduleRun(plainOffer, { capacity: 10 });
    expect((await http().post(`/v1/runs/${plainRun}/team-enrolments`).set(auth(leader)).send({ teacherIds: [team[3].teacherId] }).expect(422)).body.code).toBe(
      'NOT_A_TEAM_PROGRAMME',
    );
    // The leader sees the school's enrolments, not those of another school.
    await harness.enrol(stranger, plainRun).expect(201);
    const seen = (await http().get('/v1/enrolments?limit=100').set(auth(leader)).expect(200)).body.items as { schoolId: string }[];
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((e) => e.schoolId === '12AB00')).toBe(true);
  }, 60_000);

  it('cancels every enrolment of a run the catalogue cancels, with cause RUN_CANCELLED, and tells the teachers', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 1 });
    const [a, b] = [await harness.newTeacher(), await harness.newTeacher()];
    const ea = (await harness.enrol(a, runId).expect(201)).body;
    const eb = (await harness.enrol(b, runId).expect(201)).body;

    await harness.catalogue(CatalogueEvents.RunCancelled, runId, { runId, offerId, reason: 'Te weinig aanmeldingen' });

    await eventually(async () => ((await harness.db.getRepository(EnrolmentEntity).countBy({ runId, status: 'cancelled' })) === 2 ? true : undefined), 15_000, 'both cancelled');
    const events = await eventually(async () => {
      const found = enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentCancelled).filter((event) => event.enrolment?.runId === runId);
      return found.length === 2 ? found : undefined;
    }, 15_000, 'two EnrolmentCancelled on Kafka');
    // Keyed by enrolment, so the two may sit on different partitions: Kafka keeps no order between them.
    expect(events.map((event) => [event.enrolment?.enrolmentId, event.cause, event.heldPlace])).toEqual(
      expect.arrayContaining([
        [ea.enrolmentId, CancellationCause.RUN_CANCELLED, true],
        [eb.enrolmentId, CancellationCause.RUN_CANCELLED, false],
      ]),
    );
    // Nobody was promoted into a cancelled run (read up to now on both enrolments' keys), and it takes no new enrolments.
    await enrolmentTopic.catchUp(harness.service, ea.enrolmentId, eb.enrolmentId);
    expect(enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentPromoted).some((event) => event.enrolment?.runId === runId)).toBe(false);
    expect((await http().get('/v1/teachers/me/notifications').set(auth(b.token)).expect(200)).body.items[0].message).toMatch(/geannuleerd/);
    expect((await harness.enrol(await harness.newTeacher(), runId).expect(409)).body.code).toBe('RUN_CANCELLED');
  }, 60_000);

  it('records attendance from the start and the result after the end; the first participation counts once per teacher', async () => {
    const offerId = await harness.publishOffer();
    const runA = await harness.scheduleRun(offerId, { capacity: 5, sessionCount: 4 });
    const runB = await harness.scheduleRun(offerId, { capacity: 5, sessionCount: 4 });
    const teacher = await harness.newTeacher();
    const ea = (await harness.enrol(teacher, runA).expect(201)).body;
    const eb = (await harness.enrol(teacher, runB).expect(201)).body;

    const early = await http().put(`/v1/enrolments/${ea.enrolmentId}/attendance`).set(auth(hanze)).send({ session: 1, attended: true }).expect(409);
    expect(early.body).toMatchObject({ code: 'RUN_NOT_STARTED', detail: expect.stringMatching(/vanaf de startdatum/) });

    // The catalogue moves both runs into the past: begun, and ended.
    await harness.moveRun(offerId, runA, { capacity: 5, sessionCount: 4, startDate: '2024-02-01', endDate: '2024-06-30', enrolmentDeadline: null });
    await harness.moveRun(offerId, runB, { capacity: 5, sessionCount: 4, startDate: '2024-09-01', endDate: '2024-12-20', enrolmentDeadline: null });

    await http().put(`/v1/enrolments/${ea.enrolmentId}/attendance`).set(auth(windesheim)).send({ session: 1, attended: true }).expect(404); // not its run: as unknown
    await http().put(`/v1/enrolments/${ea.enrolmentId}/attendance`).set(auth(hanze)).send({ session: 5, attended: true }).expect(400);
    await http().put(`/v1/enrolments/${ea.enrolmentId}/attendance`).set(auth(hanze)).send({ session: 1, attended: true }).expect(200);
    await http().put(`/v1/enrolments/${ea.enrolmentId}/attendance`).set(auth(hanze)).send({ session: 2, attended: true }).expect(200);
    await http().put(`/v1/enrolments/${eb.enrolmentId}/attendance`).set(auth(hanze)).send({ session: 1, attended: true }).expect(200);

    const started = await eventually(async () => {
      const found = participationTopic.eventsOf(EnrolmentsEvents.ParticipationStarted).filter((event) => event.teacherId === teacher.teacherId);
      return found.length === 2 ? found : undefined;
    }, 15_000, 'two ParticipationStarted');
    expect(started.map((event) => [event.enrolmentId, event.firstParticipation])).toEqual([
      [ea.enrolmentId, true],
      [eb.enrolmentId, false],
    ]);
    expect(participationTopic.messages.find((message) => message.key === teacher.teacherId)).toBeDefined();
    expect((await harness.db.getRepository(TeacherEntity).findOneByOrFail({ teacherId: teacher.teacherId })).participantSince).not.toBeNull();

    // The run-start job finds nothing left to start for these enrolments.
    await harness.service.app.get(EnrolmentsService).startDueParticipations();
    await participationTopic.catchUp(harness.service, teacher.teacherId);
    expect(participationTopic.eventsOf(EnrolmentsEvents.ParticipationStarted).filter((event) => event.teacherId === teacher.teacherId)).toHaveLength(2);

    const noReason = await http().put(`/v1/enrolments/${ea.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'not-completed', reason: 'Ziek' }).expect(400);
    expect(noReason.body.errors).toEqual([{ field: 'reasonCode', messages: [expect.stringMatching(/moet een van NO_SHOW, INSUFFICIENT_ATTENDANCE/)] }]);
    await http().put(`/v1/enrolments/${ea.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'not-completed', reasonCode: 'ZIEK' }).expect(400);
    await http().put(`/v1/enrolments/${ea.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'not-completed', reasonCode: 'OTHER', reason: null }).expect(400);
    await http().put(`/v1/enrolments/${ea.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'completed' }).expect(200);
    expect((await http().put(`/v1/enrolments/${ea.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'completed' }).expect(409)).body.code).toBe(
      'RESULT_ALREADY_RECORDED',
    );
    const note = 'Te vaak afwezig wegens een burn-out.';
    const recorded = await http()
      .put(`/v1/enrolments/${eb.enrolmentId}/result`)
      .set(auth(hanze))
      .send({ outcome: 'not-completed', reasonCode: 'INSUFFICIENT_ATTENDANCE', reason: note })
      .expect(200);
    expect(recorded.body).toMatchObject({ status: 'not_completed', notCompletedReasonCode: 'INSUFFICIENT_ATTENDANCE', notCompletedReason: note });
    // The provider's words stay here, for the teacher, the provider and admins; the school leader sees the code only.
    expect((await http().get(`/v1/enrolments/${eb.enrolmentId}`).set(auth(teacher.token)).expect(200)).body.notCompletedReason).toBe(note);
    const leaderView = (await http().get(`/v1/enrolments/${eb.enrolmentId}`).set(auth(leader)).expect(200)).body;
    expect(leaderView).toMatchObject({ notCompletedReasonCode: 'INSUFFICIENT_ATTENDANCE', notCompletedReason: null });

    const completed = await eventually(
      async () => enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentCompleted).find((event) => event.enrolment?.enrolmentId === ea.enrolmentId),
      15_000,
      'EnrolmentCompleted',
    );
    expect(completed.sessionsAttended).toBe(2);
    const notCompleted = await eventually(
      async () => enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentNotCompleted).find((event) => event.enrolment?.enrolmentId === eb.enrolmentId),
      15_000,
      'EnrolmentNotCompleted',
    );
    // The event carries the code, never the provider's text.
    expect(notCompleted).toMatchObject({ sessionsAttended: 1, reasonCode: NotCompletedReason.INSUFFICIENT_ATTENDANCE });
    const raw = enrolmentTopic.messages.filter((message) => message.key === eb.enrolmentId);
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.some((message) => message.value?.includes(Buffer.from('burn-out')))).toBe(false);

    // Erasure clears the provider's text about the teacher and tells quality, by the pseudonymous id only.
    await http().delete(`/v1/teachers/${teacher.teacherId}/personal-data`).set(auth(teacher.token)).expect(204);
    const erased = (await http().get(`/v1/enrolments/${eb.enrolmentId}`).set(auth(hanze)).expect(200)).body;
    expect(erased).toMatchObject({ status: 'not_completed', notCompletedReasonCode: 'INSUFFICIENT_ATTENDANCE', notCompletedReason: null });
    expect((await harness.db.getRepository(EnrolmentEntity).findOneByOrFail({ enrolmentId: eb.enrolmentId })).notCompletedReason).toBeNull();
    const teacherErased = await eventually(
      async () => teacherTopic.eventsOf(EnrolmentsEvents.TeacherErased).find((event) => event.teacherId === teacher.teacherId),
      15_000,
      'TeacherErased',
    );
    expect(teacherErased.erasedAt).toBeDefined();
    expect(EnrolmentsEvents.TeacherErased.schema.fields.map((field) => field.localName)).toEqual(['teacherId', 'erasedAt']);
  }, 60_000);

  it('refuses a result before the end of the run', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const enrolment = (await harness.enrol(await harness.newTeacher(), runId).expect(201)).body;
    await harness.moveRun(offerId, runId, { capacity: 5, startDate: '2024-02-01', endDate: IN_A_YEAR, enrolmentDeadline: null });
    const response = await http().put(`/v1/enrolments/${enrolment.enrolmentId}/result`).set(auth(hanze)).send({ outcome: 'completed' }).expect(409);
    expect(response.body).toMatchObject({ code: 'RUN_NOT_ENDED', detail: expect.stringMatching(/na de einddatum/) });
  }, 30_000);

  it('starts participations when a run begins, making first-time teachers participants', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const teacher = await harness.newTeacher();
    const enrolment = (await harness.enrol(teacher, runId).expect(201)).body;
    await harness.moveRun(offerId, runId, { capacity: 5, startDate: '2024-03-01', endDate: IN_A_YEAR, enrolmentDeadline: null });

    expect(await harness.service.app.get(EnrolmentsService).startDueParticipations()).toBeGreaterThanOrEqual(1);
    const started = await eventually(
      async () => participationTopic.eventsOf(EnrolmentsEvents.ParticipationStarted).find((event) => event.enrolmentId === enrolment.enrolmentId),
      15_000,
      'ParticipationStarted at run start',
    );
    expect(started).toMatchObject({ teacherId: teacher.teacherId, firstParticipation: true, startedOn: '2024-03-01', regionId: 'utrecht-stad' });
  }, 30_000);

  it('starts no participation for an enrolment cancelled after the run-start job selected it', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const teacher = await harness.newTeacher();
    const enrolment = (await harness.enrol(teacher, runId).expect(201)).body;
    // What the job's unlocked selection saw: a confirmed enrolment in a run that has begun.
    const selected = await harness.db.getRepository(EnrolmentEntity).findOneByOrFail({ enrolmentId: enrolment.enrolmentId });
    expect(selected.status).toBe('confirmed');
    // Then, before its per-enrolment transaction, the teacher cancels and the run begins.
    await http().post(`/v1/enrolments/${enrolment.enrolmentId}/cancel`).set(auth(teacher.token)).expect(200);
    await harness.moveRun(offerId, runId, { capacity: 5, startDate: '2024-03-01', endDate: IN_A_YEAR, enrolmentDeadline: null });

    // The store step with the stale copy: the conditional update checks the stored status.
    const publish = jest.fn(async () => undefined);
    expect(await harness.db.transaction((manager) => startParticipation(manager, selected, '2024-03-01', publish))).toBe(false);
    expect(publish).not.toHaveBeenCalled();
    // The job's per-enrolment step, and the whole job.
    const service = harness.service.app.get(EnrolmentsService);
    expect(await service.startDueParticipation(enrolment.enrolmentId)).toBe(false);
    await service.startDueParticipations();

    expect(await harness.db.getRepository(EnrolmentEntity).findOneByOrFail({ enrolmentId: enrolment.enrolmentId })).toMatchObject({
      status: 'cancelled',
      participationStartedOn: null,
    });
    expect((await harness.db.getRepository(TeacherEntity).findOneByOrFail({ teacherId: teacher.teacherId })).participantSince).toBeNull();
    // Events go out through the outbox, written in the same transaction: none was written for this teacher.
    expect(
      await harness.db.getRepository(OutboxMessageEntity).countBy({ eventType: EnrolmentsEvents.ParticipationStarted.type, messageKey: teacher.teacherId }),
    ).toBe(0);
  }, 30_000);

  it('registers a teacher only at the school from their login, never at one of their own choosing', async () => {
    const principal = { subject: `test-${randomUUID()}`, roles: ['teacher' as const], teacherId: randomUUID() };
    const noSchool = await harness.service.tokenFor(principal);

    for (const body of [{ sector: 'po', schoolId: '34CD01', name: 'Ada Indringer', email: 'ada@example.nl' }, { sector: 'po' }]) {
      const refused = await http().put('/v1/teachers/me').set(auth(noSchool)).send(body).expect(403);
      expect(refused.body).toMatchObject({ code: 'SCHOOL_NOT_IN_ACCOUNT', detail: expect.stringMatching(/school moet uit uw inlog komen/) });
    }
    expect(await harness.db.getRepository(TeacherEntity).findOneBy({ teacherId: principal.teacherId })).toBeNull();
    // With the school in the token, the body may repeat it but not name another.
    const withSchool = await harness.service.tokenFor({ ...principal, schoolId: '12AB00' });
    expect((await http().put('/v1/teachers/me').set(auth(withSchool)).send({ sector: 'po', schoolId: '34CD01' }).expect(403)).body.code).toBe('SCHOOL_MISMATCH');
    expect((await http().put('/v1/teachers/me').set(auth(withSchool)).send({ sector: 'po', schoolId: '12AB00' }).expect(201)).body).toMatchObject({
      schoolId: '12AB00',
      regionId: 'utrecht-stad',
    });
  }, 30_000);

  it('erases personal data on request without changing the enrolments or counts', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const anne = await harness.newTeacher('12AB00', { name: 'Anne de Vries', email: 'anne@example.nl' });
    const other = await harness.newTeacher();
    await harness.enrol(anne, runId).expect(201);
    expect((await http().get('/v1/teachers/me').set(auth(anne.token)).expect(200)).body).toMatchObject({ name: 'Anne de Vries', regionId: 'utrecht-stad', brin: '12AB' });

    await http().delete(`/v1/teachers/${anne.teacherId}/personal-data`).set(auth(other.token)).expect(403);
    await http().delete(`/v1/teachers/${anne.teacherId}/personal-data`).set(auth(anne.token)).expect(204);

    const after = (await http().get('/v1/teachers/me').set(auth(anne.token)).expect(200)).body;
    expect(after).toMatchObject({ teacherId: anne.teacherId, name: null, email: null, personalDataErased: true, schoolId: '12AB00', sector: 'po' });
    expect((await http().get(`/v1/enrolments?runId=${runId}`).set(auth(anne.token)).expect(200)).body.items).toHaveLength(1);
    expect((await http().get(`/v1/runs/${runId}`).set(auth(anne.token)).expect(200)).body.placesTaken).toBe(1);
    // An admin may erase too; the data never reached an event.
    await http().delete(`/v1/teachers/${other.teacherId}/personal-data`).set(auth(await harness.token('beheerder'))).expect(204);
    const payloads = await harness.db.getRepository(OutboxMessageEntity).find();
    expect(payloads.some((row) => row.payload.includes(Buffer.from('Anne de Vries')) || row.payload.includes(Buffer.from('anne@example.nl')))).toBe(false);
  }, 30_000);

  it('refuses bad input with a Dutch 400 or 4xx, never a 500', async () => {
    const teacher = await harness.newTeacher('12AB00', { register: false });
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });

    // No profile is made from a token whose school is not in the register, nor from one that names no school.
    const unknownSchoolTeacher = { subject: 'y', roles: ['teacher' as const], teacherId: randomUUID(), schoolId: '99ZZ98' };
    const unknownSchoolEnrol = await http().post(`/v1/runs/${runId}/enrolments`).set(auth(await harness.token(unknownSchoolTeacher))).expect(422);
    expect(unknownSchoolEnrol.body.code).toBe('SCHOOL_UNKNOWN');
    const schoolless = { subject: 'z', roles: ['teacher' as const], teacherId: randomUUID() };
    expect((await http().post(`/v1/runs/${runId}/enrolments`).set(auth(await harness.token(schoolless))).expect(422)).body.code).toBe('TEACHER_NOT_REGISTERED');
    expect(await harness.db.getRepository(TeacherEntity).countBy({ teacherId: In([unknownSchoolTeacher.teacherId, schoolless.teacherId]) })).toBe(0);
    const badSchool = await http().put('/v1/teachers/me').set(auth(teacher.token)).send({ sector: 'hbo', schoolId: '12ab00' }).expect(400);
    expect(badSchool.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'sector', messages: ['moet een van po, vo, mbo of vso zijn'] },
        { field: 'schoolId', messages: ['moet een BRIN-code met vestigingsnummer zijn, bijvoorbeeld 12AB00'] },
      ]),
    );
    await http().put('/v1/teachers/me').set(auth(teacher.token)).send({ sector: 'po', schoolId: '34CD01' }).expect(403);
    const unknownSchool = await harness.service.tokenFor({ subject: 'x', roles: ['teacher'], teacherId: randomUUID(), schoolId: '99ZZ99' });
    expect((await http().put('/v1/teachers/me').set(auth(unknownSchool)).send({ sector: 'po' }).expect(422)).body.code).toBe('SCHOOL_UNKNOWN');
    await http().put('/v1/teachers/me').set(auth(teacher.token)).send({ sector: 'vo', email: 'geen-adres' }).expect(400);
    await http().put('/v1/teachers/me').set(auth(teacher.token)).send({ sector: 'vo' }).expect(201);

    expect((await http().post('/v1/runs/niet-een-uuid/enrolments').set(auth(teacher.token)).expect(400)).body.detail).toBe('runId moet een UUID zijn.');
    expect((await harness.enrol(teacher, randomUUID()).expect(404)).body.code).toBe('RUN_NOT_FOUND');
    expect((await harness.enrol(teacher, runId, 'sleutel met spaties').expect(400)).body.detail).toMatch(/Idempotency-Key/);
    await harness.enrol(teacher, runId, 'sleutel-1').expect(201);
    expect((await harness.enrol(teacher, runId, 'sleutel-1').expect(201)).headers['idempotent-replayed']).toBe('true');
    const otherRun = await harness.scheduleRun(offerId, { capacity: 5 });
    expect((await harness.enrol(teacher, otherRun, 'sleutel-1').expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).set('content-type', 'application/json').send('{"teacherIds": [').expect(400);
    await http().post(`/v1/runs/${runId}/team-enrolments`).set(auth(leader)).send({ teacherIds: ['x'] }).expect(400);
    await http().get('/v1/enrolments?status=weg').set(auth(teacher.token)).expect(400);

    // A run past its deadline, and an offer whose quality mark lapsed, take no enrolments.
    const lateRun = await harness.scheduleRun(offerId, { capacity: 5, enrolmentDeadline: new Date('2024-01-01T00:00:00Z') });
    expect((await harness.enrol(teacher, lateRun).expect(409)).body.code).toBe('DEADLINE_PASSED');
    await harness.catalogue(CatalogueEvents.OfferSuspended, offerId, { offerId, providerId: randomUUID(), version: 1, reason: 'Keurmerk verlopen' });
    await eventually(() => harness.db.getRepository(KnownOfferEntity).findOneBy({ offerId, status: 'suspended' }).then((o) => o ?? undefined), 15_000, 'the offer suspended');
    expect((await harness.enrol(teacher, otherRun).expect(422)).body.code).toBe('OFFER_NOT_OPEN');
  }, 60_000);

  it('shows a teacher only their own enrolments and a provider only those of its runs', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const [anne, bram]: Teacher[] = [await harness.newTeacher(), await harness.newTeacher('34CD01')];
    const enrolment = (await harness.enrol(anne, runId).expect(201)).body;

    // What the caller may not see answers exactly as what does not exist: the same 404 and body.
    const unknownEnrolment = (await http().get(`/v1/enrolments/${randomUUID()}`).set(auth(bram.token)).expect(404)).body;
    const unknownTeacher = (await http().get(`/v1/teachers/${randomUUID()}`).set(auth(bram.token)).expect(404)).body;
    expect((await http().get(`/v1/enrolments/${enrolment.enrolmentId}`).set(auth(bram.token)).expect(404)).body).toEqual(unknownEnrolment);
    expect((await http().get(`/v1/enrolments?runId=${runId}`).set(auth(bram.token)).expect(200)).body.items).toEqual([]);
    expect((await http().post(`/v1/enrolments/${enrolment.enrolmentId}/cancel`).set(auth(bram.token)).expect(404)).body).toEqual(unknownEnrolment);
    expect((await http().get(`/v1/teachers/${anne.teacherId}`).set(auth(bram.token)).expect(404)).body).toEqual(unknownTeacher);
    expect((await http().get(`/v1/teachers/${anne.teacherId}`).set(auth(leader)).expect(200)).body.teacherId).toBe(anne.teacherId);
    expect((await http().get(`/v1/teachers/${bram.teacherId}`).set(auth(leader)).expect(404)).body).toEqual(unknownTeacher);

    expect((await http().get(`/v1/enrolments?runId=${runId}`).set(auth(hanze)).expect(200)).body.items).toHaveLength(1);
    expect((await http().get(`/v1/enrolments?runId=${runId}`).set(auth(windesheim)).expect(200)).body.items).toEqual([]);
    expect((await http().get(`/v1/enrolments/${enrolment.enrolmentId}`).set(auth(windesheim)).expect(404)).body).toEqual(unknownEnrolment);
    expect((await http().post(`/v1/enrolments/${enrolment.enrolmentId}/cancel`).set(auth(windesheim)).expect(404)).body).toEqual(unknownEnrolment);
    for (const [path, body] of [
      ['attendance', { session: 1, attended: true }],
      ['result', { outcome: 'completed' }],
    ] as const) {
      expect((await http().put(`/v1/enrolments/${enrolment.enrolmentId}/${path}`).set(auth(windesheim)).send(body).expect(404)).body).toEqual(unknownEnrolment);
    }
    await http().post(`/v1/runs/${runId}/enrolments`).set(auth(hanze)).expect(403);

    // The provider of the run may cancel it; cause PROVIDER.
    expect((await http().post(`/v1/enrolments/${enrolment.enrolmentId}/cancel`).set(auth(hanze)).expect(200)).body.cancellationCause).toBe('provider');
    await http().post(`/v1/enrolments/${enrolment.enrolmentId}/cancel`).set(auth(hanze)).expect(409);
  }, 30_000);

  it('makes a new teacher a profile on the first enrolment from the token (no PUT first), with the sector empty until set', async () => {
    const teacher = await harness.newTeacher('12AB00', { register: false });
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const closedRun = await harness.scheduleRun(offerId, { capacity: 5, enrolmentDeadline: new Date(Date.now() - 60_000) });
    await http().get('/v1/teachers/me').set(auth(teacher.token)).expect(404);

    // A refused enrolment leaves no profile behind.
    await harness.enrol(teacher, closedRun).expect(409);
    await harness.enrol(teacher, randomUUID()).expect(404);
    expect(await harness.db.getRepository(TeacherEntity).countBy({ teacherId: teacher.teacherId })).toBe(0);

    const { body: enrolment } = await harness.enrol(teacher, runId).expect(201);
    expect(enrolment).toMatchObject({ teacherId: teacher.teacherId, runId, status: 'confirmed' });
    const profile = (await http().get('/v1/teachers/me').set(auth(teacher.token)).expect(200)).body;
    expect(profile).toMatchObject({ teacherId: teacher.teacherId, schoolId: '12AB00', brin: '12AB', regionId: UTRECHT_SCHOOL.regionId, sector: null, name: null, email: null });
    const confirmed = await eventually(
      async () => enrolmentTopic.eventsOf(EnrolmentsEvents.EnrolmentConfirmed).find((event) => event.enrolment?.enrolmentId === enrolment.enrolmentId),
      15_000,
      'EnrolmentConfirmed',
    );
    expect(confirmed.enrolment).toMatchObject({ teacherId: teacher.teacherId, schoolId: '12AB00', sector: Sector.UNSPECIFIED, regionId: UTRECHT_SCHOOL.regionId });

    // The explicit PUT stays, to set the sector and details: the profile exists now, so it answers 200.
    await http().put('/v1/teachers/me').set(auth(teacher.token)).send({ sector: 'vo', name: 'Nieuwe Docent' }).expect(200);
    expect((await http().get('/v1/teachers/me').set(auth(teacher.token)).expect(200)).body).toMatchObject({ sector: 'vo', name: 'Nieuwe Docent' });
    // A second enrolment copies the sector set meanwhile.
    const second = await harness.enrol(teacher, await harness.scheduleRun(offerId, { capacity: 5 })).expect(201);
    const [row] = await harness.db.query(`SELECT sector FROM enrolment WHERE enrolment_id = $1`, [second.body.enrolmentId]);
    expect(row.sector).toBe('vo');
  });

  it("shows in every run view what enrolling does (open, waiting-list, closed) with places left, and filters on it", async () => {
    const offerId = await harness.publishOffer();
    const [full, open, past] = [
      await harness.scheduleRun(offerId, { capacity: 1 }),
      await harness.scheduleRun(offerId, { capacity: 3 }),
      await harness.scheduleRun(offerId, { capacity: 3, enrolmentDeadline: new Date(Date.now() - 60_000) }),
    ];
    await harness.enrol(await harness.newTeacher(), full).expect(201);
    const view = async (runId: string) => (await http().get(`/v1/runs/${runId}`).set(auth(hanze)).expect(200)).body;
    expect(await view(full)).toMatchObject({ capacity: 1, placesTaken: 1, placesLeft: 0, enrolment: 'waiting-list' });
    expect(await view(open)).toMatchObject({ capacity: 3, placesLeft: 3, enrolment: 'open' });
    expect(await view(past)).toMatchObject({ capacity: 3, placesLeft: 3, enrolment: 'closed' });
    expect(await view(full)).not.toHaveProperty('openForEnrolment');

    const ids = async (query: string) =>
      ((await http().get(`/v1/runs?offerId=${offerId}&${query}`).set(auth(hanze)).expect(200)).body.items as { runId: string }[]).map((run) => run.runId).sort();
    expect(await ids('enrolment=open')).toEqual([open]);
    expect(await ids('enrolment=open,waiting-list')).toEqual([full, open].sort());
    expect(await ids('enrolment=closed')).toEqual([past]);
    // Deprecated alias for one version: open=true meant "takes enrolments, waiting list included".
    expect(await ids('open=true')).toEqual([full, open].sort());
    expect((await http().get('/v1/runs?enrolment=open,vol').set(auth(hanze)).expect(400)).body.code).toBe('INVALID_INPUT');

    // A cancelled run is closed, whatever its places.
    await harness.catalogue(CatalogueEvents.RunCancelled, open, { runId: open, offerId, reason: 'Te weinig aanmeldingen' });
    await eventually(async () => ((await view(open)).enrolment === 'closed' ? true : undefined), 15_000, 'the run closed');
  });

  it('pages enrolments, runs and notifications with a cursor: every row once over several pages, and a forged cursor is a 400', async () => {
    const offerId = await harness.publishOffer();
    const runIds = [await harness.scheduleRun(offerId, { capacity: 10 }), await harness.scheduleRun(offerId, { capacity: 10 })];
    const enrolled: string[] = [];
    for (const runId of runIds) {
      for (let n = 0; n < 3; n++) enrolled.push((await harness.enrol(await harness.newTeacher(), runId).expect(201)).body.enrolmentId);
    }
    const pages = async (path: string, token: string, limit: number, key: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let count = 0;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page: { items: Record<string, string>[]; nextCursor: string | null; hasMore: boolean } = (
          await http().get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).set(auth(token)).expect(200)
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        expect(page.hasMore).toBe(page.nextCursor !== null);
        seen.push(...page.items.map((item) => item[key]));
        cursor = page.nextCursor;
        count += 1;
      } while (cursor);
      expect(count).toBeGreaterThan(1);
      return seen;
    };
    const admin = await harness.token('beheerder');
    const byProvider = await pages(`/v1/enrolments?runId=${runIds[0]}`, hanze, 2, 'enrolmentId');
    expect(byProvider).toEqual(enrolled.slice(0, 3));
    const all: string[] = [];
    for (const runId of runIds) all.push(...(await pages(`/v1/enrolments?runId=${runId}`, admin, 1, 'enrolmentId')));
    expect(all).toEqual(enrolled);
    expect(new Set(all).size).toBe(6);
    const runs = await pages(`/v1/runs?offerId=${offerId}`, hanze, 1, 'runId');
    expect([...runs].sort()).toEqual([...runIds].sort());
    expect(await pages(`/v1/runs?offerId=${offerId}&open=true`, hanze, 1, 'runId')).toEqual(runs);

    expect((await http().get('/v1/enrolments?limit=101').set(auth(hanze)).expect(400)).body.code).toBe('INVALID_INPUT');
    const forged = Buffer.from(JSON.stringify([runIds[0], 'one'])).toString('base64url');
    expect((await http().get(`/v1/enrolments?cursor=${forged}`).set(auth(hanze)).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await http().get('/v1/runs?cursor=%25%25').set(auth(hanze)).expect(400)).body.code).toBe('INVALID_INPUT');
  }, 60_000);
});
