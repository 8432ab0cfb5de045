/**
 * The reimbursement service's reference data, entered as the ministry through its API: about 50 plausible education
 * regions (no complete official list exists; the ministry manages it as data), the demo school locations in their
 * regions (the same list the enrolments service knows), budgets for the demo schools' regions for 2026 and 2027, and
 * the first published rule version. Runs on every start: what is already there as it is here is left alone.
 */
import { DemoClient } from '../demo-client';

interface Region {
  regionId: string;
  name: string;
  kind: 'area' | 'national';
  leadApplicant: string;
}

interface SchoolLocation {
  schoolId: string;
  regionId: string;
  name: string;
}

interface Budgets {
  years: number[];
  defaultAmountCents: number;
  amountCentsByRegion: Record<string, number>;
}

interface Rule {
  version?: number;
  status?: string;
  validFrom: string;
}

export default async function reimbursementDemo(client: DemoClient): Promise<string> {
  const regions = DemoClient.readData<Region[]>('reimbursement-regions.json');
  const known = new Map((await client.all<Region & { active: boolean }>('ministerie-ocw', 'reimbursement', '/v1/regions')).map((region) => [region.regionId, region]));
  let regionsSaved = 0;
  for (const { regionId, ...fields } of regions) {
    const existing = known.get(regionId);
    if (existing && existing.name === fields.name && existing.kind === fields.kind && existing.leadApplicant === fields.leadApplicant && existing.active) continue;
    if (existing) await client.expect([200], 'ministerie-ocw', 'reimbursement', 'PUT', `/v1/regions/${regionId}`, { ...fields, active: true });
    else await client.expect([201], 'ministerie-ocw', 'reimbursement', 'POST', '/v1/regions', { regionId, ...fields });
    regionsSaved++;
  }

  const schools = DemoClient.readData<SchoolLocation[]>('enrolments-schools.json');
  const demoRegions = [...new Set(schools.map((school) => school.regionId))];
  const placed = new Map<string, SchoolLocation>();
  for (const regionId of demoRegions) {
    for (const location of await client.all<SchoolLocation>('ministerie-ocw', 'reimbursement', `/v1/regions/${regionId}/school-locations`)) placed.set(location.schoolId, location);
  }
  let locationsSaved = 0;
  for (const { schoolId, regionId, name } of schools) {
    const existing = placed.get(schoolId);
    if (existing && existing.regionId === regionId && existing.name === name) continue;
    await client.expect([200, 201], 'ministerie-ocw', 'reimbursement', 'PUT', `/v1/school-locations/${schoolId}`, { regionId, name });
    locationsSaved++;
  }

  const budgets = DemoClient.readData<Budgets>('reimbursement-budgets.json');
  let budgetsSaved = 0;
  for (const regionId of demoRegions) {
    const current = new Map(
      (await client.expect<{ year: number; allocatedCents: number }[]>([200], 'ministerie-ocw', 'reimbursement', 'GET', `/v1/regions/${regionId}/budgets`)).body.map((year) => [
        year.year,
        year.allocatedCents,
      ]),
    );
    const amountCents = budgets.amountCentsByRegion[regionId] ?? budgets.defaultAmountCents;
    for (const year of budgets.years) {
      if (current.get(year) === amountCents) continue;
      await client.expect([200, 201], 'ministerie-ocw', 'reimbursement', 'PUT', `/v1/regions/${regionId}/budgets/${year}`, { amountCents });
      budgetsSaved++;
    }
  }

  // A rule version is published once; a draft left by an interrupted earlier start is completed and published.
  const versions = await client.all<Rule>('ministerie-ocw', 'reimbursement', '/v1/rules');
  const published: string[] = [];
  for (const rule of DemoClient.readData<Rule[]>('reimbursement-rules.json')) {
    const same = versions.filter((version) => version.validFrom === rule.validFrom);
    if (same.some((version) => version.status === 'published')) continue;
    const draft = same.find((version) => version.status === 'draft');
    const version = draft
      ? (await client.expect<Rule>([200], 'ministerie-ocw', 'reimbursement', 'PUT', `/v1/rules/${draft.version}`, rule)).body.version
      : (await client.expect<Rule>([201], 'ministerie-ocw', 'reimbursement', 'POST', '/v1/rules', rule)).body.version;
    await client.expect([200], 'ministerie-ocw', 'reimbursement', 'POST', `/v1/rules/${version}/publish`);
    published.push(rule.validFrom);
  }

  return (
    `${regions.length} regions (${regionsSaved} saved), ${schools.length} school locations (${locationsSaved} placed), ` +
    `${budgetsSaved} budgets allocated for ${demoRegions.length} regions, rule versions published: ${published.join(', ') || 'none new'}`
  );
}
