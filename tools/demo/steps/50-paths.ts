import { DEMO_ACCOUNTS } from '@napl/auth';
import type { DemoAccount, DemoClient } from '../demo-client';

interface TeacherPath {
  teacherPathId: string;
  pathId: string;
  pathCode: string;
  completedSteps: number;
  totalSteps: number;
  steps: { code: string; status: string }[];
}

/** The two paths of 2026 (seeded by the paths service's migrations). */
const PATHS = { startbekwaamVakbekwaam: '33333333-3333-4333-8333-000000000001', curriculumontwikkelaar: '33333333-3333-4333-8333-000000000002' };

const DEMO_PATHS: { account: DemoAccount; pathId: string; sector: string }[] = [
  { account: 'docent-anne', pathId: PATHS.startbekwaamVakbekwaam, sector: 'po' },
  { account: 'docent-bram', pathId: PATHS.curriculumontwikkelaar, sector: 'vo' },
];

/**
 * The demo teachers follow a path each; Anne's school leader has recognised her first step (EVC), and Anne lets her
 * school leader see her progress in the team view. Idempotent: a path already started, a step already recognised and
 * a consent already given are left as they are.
 */
export default async function paths(client: DemoClient): Promise<string> {
  const outcomes: string[] = [];
  for (const { account, pathId, sector } of DEMO_PATHS) {
    const mine = (await client.expect<TeacherPath[]>([200], account, 'paths', 'GET', '/v1/teacher-paths')).body;
    if (!mine.some((path) => path.pathId === pathId)) await client.expect([201], account, 'paths', 'POST', '/v1/teacher-paths', { pathId, sector });
  }
  const [anne] = (await client.expect<TeacherPath[]>([200], 'docent-anne', 'paths', 'GET', '/v1/teacher-paths')).body;
  if (anne.steps[0].status !== 'completed') {
    await client.expect([201, 409], 'schoolleider-utrecht', 'paths', 'POST', `/v1/teacher-paths/${anne.teacherPathId}/steps/${anne.steps[0].code}/recognitions`, {
      evidenceReference: 'Personeelsdossier 2025-031, observatieverslag',
      reason: 'Twee lesobservaties tonen een veilig en ordelijk leerklimaat.',
    });
  }
  const anneId = DEMO_ACCOUNTS['docent-anne'].teacherId!;
  await client.expect([200], 'docent-anne', 'paths', 'PUT', `/v1/teachers/${anneId}/team-view-consent`, { given: true });
  for (const { account } of DEMO_PATHS) {
    const [path] = (await client.expect<TeacherPath[]>([200], account, 'paths', 'GET', '/v1/teacher-paths')).body;
    outcomes.push(`${account} ${path.pathCode} ${path.completedSteps}/${path.totalSteps}`);
  }
  return outcomes.join(', ');
}

