import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIssuer } from '@napl/auth';
import { deleteTopicsWithPrefix, dropTestDatabase, newTestDatabaseUrl, newTopicPrefix, testInfraFromEnv } from '@napl/testing';
import { DemoClient } from '../demo-client';
import { loadDemoData } from '../load-demo-data';
import { startServiceProcess, testServiceEnv, type ServiceProcess } from './service-processes';

interface Enrolment {
  enrolmentId: string;
  runId: string;
  status: string;
}

const DEMO_OFFERS = DemoClient.readData<{ offers: unknown[] }>('catalogue-offers.json').offers.length;
const DEMO_SCHOOLS = DemoClient.readData<unknown[]>('enrolments-schools.json').length;

/**
 * The core flow across real services, each its own process, talking only through the real Kafka: providers
 * publish offers, assessors approve them, teachers enrol, and a cancelled run cancels its enrolments. Driven by
 * the demo data steps, so the start command's demo load is tested too.
 */
describe('the core flow across catalogue, quality, enrolments, paths, reimbursement and monitoring', () => {
  const infra = testInfraFromEnv();
  const databaseUrl = newTestDatabaseUrl(infra, 'e2e');
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-e2e-keys-'));
  const topicPrefix = newTopicPrefix();
  const services: ServiceProcess[] = [];
  let client: DemoClient;

  beforeAll(async () => {
    await DevIssuer.fromDirectory(keysDir); // the services read its public keys
    const env = testServiceEnv({ databaseUrl, topicPrefix, keysDir, kafkaBrokers: infra.kafkaBrokers });
    // One after the other: the first creates the database, and two cores start four Nest apps slowly anyway.
    for (const service of ['catalogue', 'quality', 'enrolments', 'paths', 'reimbursement', 'monitoring']) services.push(await startServiceProcess(service, env));
    client = await DemoClient.create({
      keysDir,
      urls: Object.fromEntries(services.map((running) => [running.service, running.url])),
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(services.map((running) => running.stop()));
    await dropTestDatabase(databaseUrl);
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  }, 60_000);

  it('publishes only approved offers and lets teachers enrol in their runs', async () => {
    const summaries = await loadDemoData(client);

    expect(summaries['10-catalogue']).toContain(`${DEMO_OFFERS} submitted for assessment`);
    expect(summaries['20-quality']).toContain(`${DEMO_OFFERS} decided now`);
    expect(summaries['35-schools']).toBe(`${DEMO_SCHOOLS} schools registered, 0 corrected`);
    expect(summaries['40-enrolments']).toMatch(/docent-anne confirmed, docent-bram confirmed/);
    // Anne's first step recognised by her school leader; Bram just started.
    expect(summaries['50-paths']).toBe('docent-anne startbekwaam-vakbekwaam 1/5, docent-bram curriculumontwikkelaar 0/3');
    // Ten teachers of Utrecht Stad started today's study day; the region claimed six, four are left to claim.
    expect(summaries['65-reimbursement-participation']).toMatch(/: 10 participations started; utrecht-stad has 10 eligible enrolments$/);
    expect(summaries['66-reimbursement-claim']).toBe('utrecht-stad: claim of 6 lines approved, 4 eligible enrolments left to claim');
    // The ministry's dashboard shows the demo region: its participants (not suppressed) and the money committed.
    expect(summaries['70-monitoring']).toMatch(/^utrecht-stad: 1\d participants; \d{4} budget €\s[\d.]+,\d\d, committed €\s[\d.]+,\d\d$/);

    const search = await client.expect<{ total: number }>([200], 'docent-anne', 'catalogue', 'GET', '/v1/search/offers?pageSize=50');
    expect(search.body.total).toBe(DEMO_OFFERS);
    const mine = await client.all<Enrolment>('docent-anne', 'enrolments', '/v1/enrolments');
    expect(mine.map((enrolment) => enrolment.status)).toEqual(['confirmed']);
  }, 240_000);

  it('changes nothing when the demo data is loaded again', async () => {
    const summaries = await loadDemoData(client);

    expect(summaries['10-catalogue']).toBe('0 providers registered, 0 offers created, 0 submitted for assessment');
    expect(summaries['20-quality']).toContain('0 decided now');
    expect(summaries['30-catalogue-runs']).toBe('0 runs scheduled');
    expect(summaries['35-schools']).toBe('0 schools registered, 0 corrected');
    expect(summaries['50-paths']).toBe('docent-anne startbekwaam-vakbekwaam 1/5, docent-bram curriculumontwikkelaar 0/3');
    expect(summaries['65-reimbursement-participation']).toMatch(/: 10 participations started; utrecht-stad has 4 eligible enrolments$/);
    expect(summaries['66-reimbursement-claim']).toBe('utrecht-stad: claim of 6 lines approved, 4 eligible enrolments left to claim');
    const mine = await client.all<Enrolment>('docent-anne', 'enrolments', '/v1/enrolments');
    expect(mine).toHaveLength(1);
  }, 120_000);

  it('cancels the enrolments of a run the provider cancels in the catalogue', async () => {
    const [enrolment] = await client.all<Enrolment>('docent-anne', 'enrolments', '/v1/enrolments');
    await client.expect([200], 'beheerder', 'catalogue', 'POST', `/v1/runs/${enrolment.runId}/cancel`, { reason: 'Te weinig aanmeldingen.' });

    const cancelled = await client.eventually('the enrolment cancelled by the run cancellation', async () => {
      const response = await client.expect<Enrolment>([200], 'docent-anne', 'enrolments', 'GET', `/v1/enrolments/${enrolment.enrolmentId}`);
      return response.body.status === 'cancelled' ? response.body : undefined;
    });
    expect(cancelled.runId).toBe(enrolment.runId);
  }, 60_000);
});
