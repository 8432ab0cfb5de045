import type { AddressInfo } from 'node:net';
import { In } from 'typeorm';
import { EnrolmentsEvents } from '@napl/contracts';
import { OutboxMessageEntity } from '@napl/messaging';
import { EnrolmentEntity } from '../src/enrolments/infrastructure/enrolment.entity';
import { EnrolmentsHarness, type Teacher } from './support/enrolments-harness';
import { UTRECHT_SCHOOL } from './support/test-schools';

/** Hundreds of teachers enrol in the same run at the same moment, through HTTP, against the real Postgres. */
describe('no overbooking under concurrency', () => {
  let harness: EnrolmentsHarness;
  let baseUrl: string;

  beforeAll(async () => {
    harness = await EnrolmentsHarness.start('burst');
    await harness.registerSchools(UTRECHT_SCHOOL);
    // A real listening socket, so 200 requests are truly in flight together.
    await harness.service.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(harness.service.app.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(() => harness?.close());

  async function registeredTeachers(count: number): Promise<Teacher[]> {
    const teachers: Teacher[] = [];
    for (let batch = 0; batch < count; batch += 25) {
      teachers.push(...(await Promise.all(Array.from({ length: Math.min(25, count - batch) }, () => harness.newTeacher()))));
    }
    return teachers;
  }

  interface Answer {
    status: number;
    replayed: boolean;
    body: { enrolmentId: string; status: string; waitingListPosition: number | null };
  }

  async function enrolOverHttp(teacher: Teacher, runId: string, key?: string): Promise<Answer> {
    const response = await fetch(`${baseUrl}/v1/runs/${runId}/enrolments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher.token}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: (await response.json()) as Answer['body'] };
  }

  it('confirms exactly the capacity and waitlists the rest in order of arrival', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 20 });
    const teachers = await registeredTeachers(200);

    const responses = await Promise.all(teachers.map((teacher) => enrolOverHttp(teacher, runId)));

    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    const confirmed = responses.filter((response) => response.body.status === 'confirmed');
    const waitlisted = responses.filter((response) => response.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(180);
    // Every waiting teacher got a distinct position 1..180 ...
    expect(waitlisted.map((response) => response.body.waitingListPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 180 }, (_, index) => index + 1),
    );
    // ... that follows the order in which the requests got the run's lock.
    const stored = await harness.db.getRepository(EnrolmentEntity).find({ where: { runId }, order: { arrivalNumber: 'ASC' } });
    expect(stored.map((enrolment) => enrolment.arrivalNumber)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(stored.slice(0, 20).every((enrolment) => enrolment.status === 'confirmed')).toBe(true);
    const positionById = new Map(waitlisted.map((response) => [response.body.enrolmentId, response.body.waitingListPosition]));
    expect(stored.slice(20).map((enrolment) => positionById.get(enrolment.enrolmentId))).toEqual(Array.from({ length: 180 }, (_, index) => index + 1));

    // One event per enrolment, written with it.
    const outbox = harness.db.getRepository(OutboxMessageEntity);
    const ids = stored.map((enrolment) => enrolment.enrolmentId);
    expect(await outbox.countBy({ messageKey: In(ids), eventType: EnrolmentsEvents.EnrolmentConfirmed.type })).toBe(20);
    expect(await outbox.countBy({ messageKey: In(ids), eventType: EnrolmentsEvents.EnrolmentWaitlisted.type })).toBe(180);

    const run = await harness.service.http().get(`/v1/runs/${runId}`).set('Authorization', `Bearer ${teachers[0].token}`).expect(200);
    expect(run.body).toMatchObject({ capacity: 20, placesTaken: 20, placesLeft: 0, waitingListLength: 180 });
  }, 90_000);

  it('keeps one enrolment for the same Idempotency-Key sent many times at once, and one active enrolment per teacher', async () => {
    const offerId = await harness.publishOffer();
    const runId = await harness.scheduleRun(offerId, { capacity: 5 });
    const [teacher] = await registeredTeachers(1);

    const sameKey = await Promise.all(Array.from({ length: 10 }, () => enrolOverHttp(teacher, runId, 'inschrijving-1')));
    const ids = new Set(sameKey.map((response) => response.body.enrolmentId));
    expect(ids.size).toBe(1);
    // One enrolment; the repeats get its answer again, as every service answers a repeated Idempotency-Key.
    expect(sameKey.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(sameKey.filter((response) => response.replayed)).toHaveLength(9);

    const withoutKey = await Promise.all(Array.from({ length: 5 }, () => enrolOverHttp(teacher, runId)));
    expect(withoutKey.map((response) => response.status)).toEqual(Array(5).fill(409));
    expect(await harness.db.getRepository(EnrolmentEntity).countBy({ runId, teacherId: teacher.teacherId })).toBe(1);
  }, 30_000);
});
