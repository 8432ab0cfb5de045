/**
 * Demo data of the quality service: the assessors judge the demo offers the catalogue step submitted, through the
 * HTTP API. The first Windesheim offer is approved with a condition, the others plainly. Runs on every start:
 * cases already decided are left alone, and a decision waiting for four eyes is confirmed by the second assessor.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_IDS } from '@napl/auth';
import { DemoClient } from '../demo-client';

interface Assessment {
  id: string;
  providerId: string;
  offerTitle: string;
  status: string;
  proposal: { proposedBy: string } | null;
}

interface DemoTexts {
  justificationMet: string;
  approvalSummary: string;
  conditionsSummary: string;
  conditions: string[];
  conditionsMonths: number;
}

const PROVIDERS = [DEMO_IDS.providerHanze, DEMO_IDS.providerWindesheim];

export default async function qualityDemo(client: DemoClient): Promise<string> {
  if (!existsSync(join(__dirname, '10-catalogue.ts'))) return 'no catalogue demo offers to assess yet';
  const texts = DemoClient.readData<DemoTexts>('quality.json');

  const list = async (): Promise<Assessment[]> => {
    const perProvider = await Promise.all(
      PROVIDERS.map((providerId) => client.all<Assessment>('beoordelaar-1', 'quality', `/v1/assessments?providerId=${providerId}`)),
    );
    return perProvider.flat();
  };
  // The catalogue's submissions reach quality through Kafka: wait until every demo provider has its cases.
  let cases = await client.eventually(
    'the assessments of the demo offers',
    async () => {
      const found = await list();
      return PROVIDERS.every((providerId) => found.some((assessment) => assessment.providerId === providerId)) ? found : undefined;
    },
    60_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  cases = await list(); // submissions that arrived just after the first ones

  let decided = 0;
  let confirmed = 0;
  let withConditions = cases.some((assessment) => assessment.status === 'approved-with-conditions');
  for (const assessment of cases) {
    if (assessment.status === 'open') {
      const detail = await client.expect<{ criteria: { code: string }[] }>([200], 'beoordelaar-1', 'quality', 'GET', `/v1/assessments/${assessment.id}`);
      await client.expect([200], 'beoordelaar-1', 'quality', 'POST', `/v1/assessments/${assessment.id}/scores`, {
        scores: detail.body.criteria.map((criterion) => ({ criterionCode: criterion.code, met: true, score: 4, justification: texts.justificationMet })),
      });
      const conditional = !withConditions && assessment.providerId === DEMO_IDS.providerWindesheim;
      const deadline = new Date();
      deadline.setMonth(deadline.getMonth() + texts.conditionsMonths);
      const response = await client.expect<Assessment>([200], 'beoordelaar-1', 'quality', 'POST', `/v1/assessments/${assessment.id}/decision`,
        conditional
          ? { outcome: 'approved-with-conditions', summary: texts.conditionsSummary, conditions: texts.conditions, conditionsDeadline: deadline.toISOString().slice(0, 10) }
          : { outcome: 'approved', summary: texts.approvalSummary },
      );
      withConditions ||= conditional;
      decided++;
      assessment.status = response.body.status;
    }
    if (assessment.status === 'awaiting-confirmation') {
      await client.expect([200], 'beoordelaar-2', 'quality', 'POST', `/v1/assessments/${assessment.id}/confirmation`, { agree: true });
      confirmed++;
    }
  }
  return `${cases.length} assessments, ${decided} decided now, ${confirmed} confirmed by a second assessor`;
}
