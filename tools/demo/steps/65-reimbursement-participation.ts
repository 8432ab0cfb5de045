import { amsterdamTimestamp, todayInAmsterdam } from '@napl/domain';
import type { Principal } from '@napl/auth';
import { nameOf, type DemoAccount, type DemoCaller, type DemoClient } from '../demo-client';
import { offersByTitle } from './10-catalogue';

interface Enrolment {
  enrolmentId: string;
  runId: string;
  status: string;
}

interface Outcome {
  enrolmentId: string;
  reason: string;
  amountCents: number;
}

/** Colleagues at the study day who never sign in to the demo: enough teachers for monitoring to show the region. */
const COLLEAGUES = ['Eva Smit', 'Farid El Amrani', 'Gerda Mulder', 'Hugo de Boer', 'Iris Peters', 'Joost Hendriks', 'Kim Dekker', 'Lars Vos'];

/** The teachers of Utrecht Stad's schools who take part in today's study day. */
const PARTICIPANTS: { account: DemoCaller; schoolId: string; name: string; email: string }[] = [
  { account: 'docent-carla', schoolId: '12AB00', name: 'Carla Bakker', email: 'carla.bakker@example.nl' },
  { account: 'docent-daan', schoolId: '12AB01', name: 'Daan Visser', email: 'daan.visser@example.nl' },
  ...COLLEAGUES.map((name, index) => {
    const schoolId = index % 2 === 0 ? '12AB00' : '12AB01';
    const teacher: Principal = {
      subject: `demo-studiedag-${index + 1}`,
      roles: ['teacher'],
      teacherId: `22222222-2222-4222-8222-${(101 + index).toString().padStart(12, '0')}`,
      schoolId,
    };
    return { account: teacher, schoolId, name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.nl` };
  }),
];
const OFFER = 'Formatief evalueren in de rekenles';
const PROVIDER: DemoAccount = 'opleider-hanze';

/**
 * Reimbursement needs participations that count, and a demo platform starts without history: runs lie in the future.
 * So Hanze holds a study day today; ten teachers of Utrecht Stad's schools enrol and attend its first session, which
 * starts their participation. Under the demo rule version (participation counts from the start) the region then
 * has eligible enrolments to claim. Idempotent: on a later start the same day the run and enrolments are found again.
 */
export default async function reimbursementParticipation(client: DemoClient): Promise<string> {
  const today = todayInAmsterdam();
  const offer = (await offersByTitle(client, PROVIDER)).get(OFFER);
  if (!offer || offer.status !== 'published') return `"${OFFER}" is not published; no study day`;

  const runs = await client.expect<{ items: { runId: string; startDate: string }[] }>([200], PROVIDER, 'catalogue', 'GET', `/v1/offers/${offer.offerId}/runs?pageSize=50`);
  let runId = runs.body.items.find((run) => run.startDate === today)?.runId;
  if (!runId) {
    const created = await client.expect<{ runId: string }>(
      [200, 201],
      PROVIDER,
      'catalogue',
      'POST',
      `/v1/offers/${offer.offerId}/runs`,
      {
        startDate: today,
        endDate: today,
        sessions: [{ date: today, startTime: '09:00', endTime: '16:30' }],
        online: false,
        location: 'Utrecht, Domplein 29',
        capacity: 20,
        enrolmentDeadline: amsterdamTimestamp(today, '23:59'),
      },
      { 'Idempotency-Key': `demo-study-day-${offer.offerId}-${today}` },
    );
    runId = created.body.runId;
  }

  // The run reaches enrolments by the catalogue's event.
  await client.eventually('the study day in the enrolments service', async () => {
    const response = await client.request(PARTICIPANTS[0].account, 'enrolments', 'GET', `/v1/runs/${runId}`);
    return response.status === 200 ? true : undefined;
  });

  const started: string[] = [];
  for (const participant of PARTICIPANTS) {
    await client.expect([200, 201], participant.account, 'enrolments', 'PUT', '/v1/teachers/me', {
      sector: 'po',
      schoolId: participant.schoolId,
      name: participant.name,
      email: participant.email,
    });
    const mine = await client.all<Enrolment>(participant.account, 'enrolments', '/v1/enrolments');
    const enrolment =
      mine.find((candidate) => candidate.runId === runId && candidate.status !== 'cancelled') ??
      (
        await client.expect<Enrolment>([200, 201], participant.account, 'enrolments', 'POST', `/v1/runs/${runId}/enrolments`, undefined, {
          'Idempotency-Key': `demo-study-day-${nameOf(participant.account)}-${runId}`,
        })
      ).body;
    await client.expect([200], PROVIDER, 'enrolments', 'PUT', `/v1/enrolments/${enrolment.enrolmentId}/attendance`, { session: 1, attended: true });
    started.push(enrolment.enrolmentId);
  }

  // Reimbursement judges them from enrolments' events (on a later start some are claimed already).
  const outcomes = await client.eventually('the study day judged in reimbursement', async () => {
    const all = await client.all<Outcome>('regio-utrecht-stad', 'reimbursement', '/v1/regions/utrecht-stad/enrolments');
    const judged = all.filter((outcome) => started.includes(outcome.enrolmentId) && ['ELIGIBLE', 'ALREADY_REIMBURSED'].includes(outcome.reason));
    return judged.length === started.length ? all : undefined;
  }, 60_000);
  const eligible = outcomes.filter((outcome) => outcome.reason === 'ELIGIBLE');
  return `study day ${today}: ${started.length} participations started; utrecht-stad has ${eligible.length} eligible enrolments`;
}
