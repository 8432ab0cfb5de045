import { existsSync, readdirSync } from 'node:fs';
import { DemoClient, type DemoAccount } from '../demo-client';

interface DemoTeacher {
  account: DemoAccount;
  sector: string;
  schoolId: string;
  name: string;
  email: string;
  /** Which open run (by start date) the teacher enrols in; wraps around when fewer runs exist. */
  runIndex: number;
}

interface Run {
  runId: string;
  startDate: string;
  enrolment: 'open' | 'waiting-list' | 'closed';
}

interface Enrolment {
  enrolmentId: string;
  runId: string;
  status: string;
}

/**
 * Demo teachers register their profile and enrol in runs the catalogue step published. Idempotent: a profile is
 * updated in place, and a teacher who already has an active enrolment is left as they are.
 */
export default async function enrolments(client: DemoClient): Promise<string> {
  const teachers = DemoClient.readData<DemoTeacher[]>('enrolments-teachers.json');
  for (const teacher of teachers) {
    const { account, runIndex: _runIndex, ...profile } = teacher;
    await client.expect([200, 201], account, 'enrolments', 'PUT', '/v1/teachers/me', profile);
  }

  // Runs reach this service by events from the catalogue; wait for them, unless no catalogue step publishes any.
  const catalogueSteps = existsSync(__dirname) ? readdirSync(__dirname).filter((file) => /catalogue/.test(file)) : [];
  let runs: Run[];
  try {
    runs = await client.eventually('open runs in the enrolments service', async () => {
      const open = await client.all<Run>(teachers[0].account, 'enrolments', '/v1/runs?enrolment=open,waiting-list');
      return open.length > 0 ? open : undefined;
    }, catalogueSteps.length > 0 ? 60_000 : 5_000);
  } catch (error) {
    if (catalogueSteps.length > 0) throw error;
    return `${teachers.length} teacher profiles; no catalogue runs to enrol in yet`;
  }

  const outcomes: string[] = [];
  for (const teacher of teachers) {
    const mine = await client.all<Enrolment>(teacher.account, 'enrolments', '/v1/enrolments');
    const active = mine.find((enrolment) => enrolment.status !== 'cancelled');
    if (active) {
      outcomes.push(`${teacher.account} ${active.status}`);
      continue;
    }
    const run = runs[teacher.runIndex % runs.length];
    const enrolled = await client.expect<Enrolment>([200, 201], teacher.account, 'enrolments', 'POST', `/v1/runs/${run.runId}/enrolments`, undefined, {
      'Idempotency-Key': `demo-${teacher.account}-${run.runId}`,
    });
    outcomes.push(`${teacher.account} ${enrolled.body.status}`);
  }
  return `${teachers.length} teacher profiles; ${runs.length} open runs; ${outcomes.join(', ')}`;
}
