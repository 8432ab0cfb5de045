/**
 * Search benchmark of the catalogue: seeds 20,000 published offers (plus drafts and runs) into a scratch database
 * built by the catalogue's own migrations, then times typical teacher searches through the service's OfferSearch.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/catalogue-search.ts [offers] [rounds]
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { dropTestDatabase, newTestDatabaseUrl, openServiceDataSource, testInfraFromEnv } from '@napl/testing';
import { ENTITIES, MIGRATIONS } from '../../services/catalogue/src/database/schema';
import { OfferSearch, type OfferSearchCriteria } from '../../services/catalogue/src/search/application/offer-search';

const OFFERS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 60);

// Dutch building blocks, so the Dutch stemmer and the GIN index see realistic text.
const TOPICS = [
  'formatief evalueren', 'rekendidactiek', 'taalontwikkeling', 'leesmotivatie', 'klassenmanagement', 'differentiëren',
  'digitale geletterdheid', 'kunstmatige intelligentie in de les', 'burgerschap', 'begeleiden van startende leraren',
  'curriculumontwikkeling', 'passend onderwijs', 'gedragsproblemen', 'meertaligheid', 'feedback geven', 'coöperatief leren',
  'wiskunde in de bovenbouw', 'praktijkgericht onderzoek', 'teamleren', 'ouderbetrokkenheid',
];
const FORMS = ['Training', 'Cursus', 'Masterclass', 'Leergemeenschap', 'Coachingstraject', 'Intervisiegroep'];
const AUDIENCES = ['voor leraren po', 'in het vo', 'voor het mbo', 'voor het speciaal onderwijs', 'voor schoolteams'];

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`;
}

async function main(): Promise<void> {
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'bench');
  const dataSource = await openServiceDataSource('catalogue', databaseUrl, ENTITIES, MIGRATIONS);
  try {
    const seeded = performance.now();
    await dataSource.query(`
      INSERT INTO offer (id, provider_id, status, latest_version, published_version, created_at, updated_at)
      SELECT md5('offer' || i)::uuid, md5('provider' || (i % 400))::uuid, 'published', 1, 1, now(), now()
      FROM generate_series(1, ${OFFERS}) i`);
    await dataSource.query(`
      WITH t AS (SELECT ${sqlArray(TOPICS)} AS topics, ${sqlArray(FORMS)} AS forms, ${sqlArray(AUDIENCES)} AS audiences)
      INSERT INTO offer_version (offer_id, version, provider_id, status, listed, title, summary, description, sectors, format, delivery_mode,
        study_load_hours, price_cents, price_covers, region_ids, national, language, learning_outcomes, path_step_codes, team_programme,
        min_group_size, max_group_size, rules_version, submitted_at, published_at, created_at, updated_at)
      SELECT md5('offer' || i)::uuid, 1, md5('provider' || (i % 400))::uuid, 'published', true,
        t.forms[1 + i % 6] || ' ' || t.topics[1 + i % 20] || ' ' || t.audiences[1 + i % 5],
        'Praktijkgericht aanbod over ' || t.topics[1 + (i * 7) % 20] || ' en ' || t.topics[1 + (i * 3) % 20] || '.',
        'In deze bijeenkomsten werk je aan ' || t.topics[1 + i % 20] || ' in je eigen klas. Je oefent met collega''s, krijgt feedback '
          || 'van ervaren trainers en past het geleerde toe in je lessen. Aandacht voor ' || t.topics[1 + (i * 11) % 20] || '.',
        CASE i % 5 WHEN 0 THEN ARRAY['po'] WHEN 1 THEN ARRAY['vo'] WHEN 2 THEN ARRAY['mbo'] WHEN 3 THEN ARRAY['po','vso'] ELSE ARRAY['vo','mbo'] END,
        (ARRAY['course','training','coaching','intervision','learning-community','masterclass'])[1 + i % 6],
        (ARRAY['on-site','online','blended'])[1 + i % 3],
        4 + i % 60, 5000 + (i % 200) * 500, 'Materiaal en catering',
        CASE WHEN i % 10 = 0 THEN ARRAY[]::text[] ELSE ARRAY['regio-' || (i % 50)] END, i % 10 = 0, 'nl',
        ARRAY['Je past het geleerde toe in je eigen klas'], ARRAY['STAP-' || (i % 30)], i % 8 = 0, 4, 20, 2, now(), now() - (i || ' minutes')::interval, now(), now()
      FROM generate_series(1, ${OFFERS}) i, t`);
    // A draft next version for every tenth offer (unlisted rows the index must skip) and 1-2 runs for most offers.
    await dataSource.query(`
      INSERT INTO offer_version (offer_id, version, provider_id, status, listed, title, summary, description, sectors, format, delivery_mode,
        study_load_hours, price_cents, price_covers, region_ids, national, language, learning_outcomes, path_step_codes, team_programme,
        min_group_size, max_group_size, created_at, updated_at)
      SELECT offer_id, 2, provider_id, 'draft', false, title || ' (concept)', summary, description, sectors, format, delivery_mode,
        study_load_hours, price_cents, price_covers, region_ids, national, language, learning_outcomes, path_step_codes, team_programme,
        min_group_size, max_group_size, now(), now()
      FROM offer_version WHERE version = 1 AND ('x' || substr(offer_id::text, 1, 2))::bit(8)::int % 10 = 0`);
    await dataSource.query(`
      INSERT INTO run (id, offer_id, offer_version, provider_id, start_date, end_date, sessions, online, location, capacity,
        enrolment_deadline, price_cents, status, created_at, updated_at)
      SELECT md5('run' || i || '-' || n)::uuid, md5('offer' || i)::uuid, 1, md5('provider' || (i % 400))::uuid,
        current_date + (i % 300 + n * 40), current_date + (i % 300 + n * 40 + 30), '[]'::jsonb, i % 3 = 1, 'Utrecht', (i % 25),
        CASE WHEN i % 7 = 0 THEN now() - interval '1 day' ELSE now() + ((i % 300) || ' days')::interval END, NULL, 'scheduled', now(), now()
      FROM generate_series(1, ${OFFERS}) i, generate_series(0, 1) n WHERE i % 5 <> 0 OR n = 0`);
    await dataSource.query('ANALYZE');
    const counts = await dataSource.query(`SELECT (SELECT count(*) FROM offer_version WHERE listed) AS listed, (SELECT count(*) FROM offer_version) AS versions, (SELECT count(*) FROM run) AS runs`);
    console.log(`seeded ${counts[0].listed} listed offers, ${counts[0].versions} versions, ${counts[0].runs} runs in ${Math.round(performance.now() - seeded)} ms`);

    const search = new OfferSearch(dataSource);
    const base = { sort: 'relevance' as const, page: 1, pageSize: 20 };
    const queries: Record<string, OfferSearchCriteria> = {
      'text "formatief evalueren"': { ...base, q: 'formatief evalueren' },
      'text "klas feedback" + sector vo + region': { ...base, q: 'klas feedback', sectors: ['vo'], regionId: 'regio-6' },
      'text + format + mode + price range': { ...base, q: 'taalontwikkeling', formats: ['coaching', 'course'], deliveryModes: ['blended'], minPriceCents: 10_000, maxPriceCents: 60_000 },
      'text + open places, sort by start date': { ...base, q: 'klassenmanagement', openPlaces: true, sort: 'start-date' },
      'filters only: sector vo + path step': { ...base, sectors: ['vo'], pathStepCodes: ['STAP-4'] },
      'no filter, page 50 (newest first)': { ...base, page: 50 },
      'dates window, sort by start date': { ...base, startsFrom: isoDay(30), startsUntil: isoDay(90), sort: 'start-date' },
      'broad text "leraren", page 1': { ...base, q: 'leraren' },
    };
    console.log(`\n${ROUNDS} rounds per query (after 5 warm-up rounds), ms:`);
    console.log(`${'query'.padEnd(48)} ${'hits'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`);
    for (const [name, criteria] of Object.entries(queries)) {
      for (let i = 0; i < 5; i++) await search.search(criteria);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        total = (await search.search(criteria)).total;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)].toFixed(1);
      console.log(`${name.padEnd(48)} ${String(total).padStart(6)} ${at(50).padStart(7)} ${at(95).padStart(7)} ${at(99).padStart(7)} ${times.at(-1)!.toFixed(1).padStart(7)}`);
    }
  } finally {
    await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  }
}

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
