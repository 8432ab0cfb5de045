import { amsterdamTimestamp, todayInAmsterdam } from '@napl/domain';
import type { DemoAccount, DemoClient } from '../demo-client';
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

/** The teachers of Utrecht Stad's schools who take part in today's study day. */
const PARTICIPANTS: { account: DemoAccount; schoolId: string; name: string; email: string }[] = [
  { account: 'docent-carla', schoolId: '12AB00', name: 'Carla Bakker', email: 'carla.bakker@example.nl' },
  { account: 'docent-daan', schoolId: '12AB01', name: 'Daan Visser', email: 'daan.visser@example.nl' },
];
const OFFER = 'Formatief evalueren in de rekenles';
const PROVIDER: DemoAccount = 'opleider-hanze';

/**
 * Reimbursement needs participations that count, and a demo platform starts without history: runs lie in the future.
 * So Hanze holds a study day today; two teachers of Utrecht Stad's schools enrol and attend its first session, which
 * starts their participation. Under the demo rule version (participation counts from the start) the region then
 * has eligible enrolments to claim. Idempotent: on a later start the same day the run and enrolments are found again.
 */
export default async function reimbursementParticipation(client: DemoClient): Promise<string> {
  const today = todayInAmsterdam();
  const offer = (await offersByTitle(client, PROVIDER)).get(OFFER);
  if (!offer || offer.status !== 'published') return `"${OFFER}" is not published; no study day`;

  const runs = await client.expect<{ items: { id: string; startDate: string }[] }>([200], PROVIDER, 'catalogue', 'GET', `/v1/offers/${offer.id}/runs?pageSize=50`);
  let runId = runs.body.items.find((run) => run.startDate === today)?.id;
  if (!runId) {
    const created = await client.expect<{ id: string }>(
      [200, 201],
      PROVIDER,
      'catalogue',
      'POST',
      `/v1/offers/${offer.id}/runs`,
      {
        startDate: today,
        endDate: today,
        sessions: [{ date: today, startTime: '09:00', endTime: '16:30' }],
        online: false,
        location: 'Utrecht, Domplein 29',
        capacity: 20,
        enrolmentDeadline: amsterdamTimestamp(today, '23:59'),
      },
      { 'Idempotency-Key': `demo-study-day-${offer.id}-${today}` },
    );
    runId = created.body.id;
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
          'Idempotency-Key': `demo-study-day-${participant.account}-${runId}`,
        })
      ).body;
    await client.expect([200], PROVIDER, 'enrolments', 'PUT', `/v1/enrolments/${enrolment.enrolmentId}/attendance`, { session: 1, attended: true });
    started.push(enrolment.enrolmentId);
  }

  // Reimbursement judges them from enrolments' events.
  const eligible = await client.eventually('eligible enrolments of Utrecht Stad in reimbursement', async () => {
    const outcomes = await client.all<Outcome>('regio-utrecht-stad', 'reimbursement', '/v1/regions/utrecht-stad/enrolments?reason=ELIGIBLE');
    const ours = outcomes.filter((outcome) => started.includes(outcome.enrolmentId));
    return ours.length === started.length ? outcomes : undefined;
  }, 60_000);
  return `study day ${today}: ${started.length} participations started; utrecht-stad has ${eligible.length} eligible enrolments`;
}
