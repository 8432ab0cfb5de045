/**
 * Search benchmark of the catalogue: seeds published offers (plus drafts and runs) into a scratch database built by
 * the catalogue's own migrations, checks the answers of OfferSearch against a straightforward reference query, then
 * times typical teacher searches through the service's OfferSearch.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/catalogue-search.ts [offers] [rounds] [--passes=N] [--keep]
 * offers: 20000 by default (200000 seeds in about 20 s); rounds: timed searches per query and pass (60).
 * --passes=N times every query N times over and prints the median of the N p95s (the machine is shared and noisy).
 * --keep leaves the scratch database in place and prints its URL, to EXPLAIN (ANALYZE, BUFFERS) by hand.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { dropTestDatabase, newTestDatabaseUrl, openServiceDataSource, testInfraFromEnv } from '@napl/testing';
import { ENTITIES, MIGRATIONS } from '../../services/catalogue/src/database/schema';
import { OfferSearch, type OfferSearchCriteria } from '../../services/catalogue/src/search/application/offer-search';

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const OFFERS = Number(positional[0] ?? 20_000);
const ROUNDS = Number(positional[1] ?? 60);
const PASSES = Number(process.argv.find((arg) => arg.startsWith('--passes='))?.split('=')[1] ?? 1);
const KEEP = process.argv.includes('--keep');

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

const base = { sort: 'relevance' as const, page: 1, pageSize: 20 };
/** The query kinds timed; the first eight are the ones of the original benchmark (issue 10 compares them). */
const QUERIES: Record<string, OfferSearchCriteria> = {
  'text "formatief evalueren"': { ...base, q: 'formatief evalueren' },
  'text "klas feedback" + sector vo + region': { ...base, q: 'klas feedback', sectors: ['vo'], regionId: 'regio-6' },
  'text + format + mode + price range': { ...base, q: 'taalontwikkeling', formats: ['coaching', 'course'], deliveryModes: ['blended'], minPriceCents: 10_000, maxPriceCents: 60_000 },
  'text + open places, sort by start date': { ...base, q: 'klassenmanagement', enrolment: ['open'], sort: 'start-date' },
  'filters only: sector vo + path step': { ...base, sectors: ['vo'], pathStepCodes: ['STAP-4'] },
  'no filter, page 50 (newest first)': { ...base, page: 50 },
  'dates window, sort by start date': { ...base, startsFrom: isoDay(30), startsUntil: isoDay(90), sort: 'start-date' },
  'broad text "leraren", page 1': { ...base, q: 'leraren' },
  // Added with issue 10: the cases a plan that walks runs in date order or an index in date order would get wrong.
  'text + open places (relevance)': { ...base, q: 'klassenmanagement', enrolment: ['open'] },
  'rare text + open places, by start date': { ...base, q: 'zeldzaamheid', enrolment: ['open'], sort: 'start-date' },
  'sector + region, open places, by start date': { ...base, sectors: ['mbo'], regionId: 'regio-7', enrolment: ['open'], sort: 'start-date' },
  'text + team, sort by start date, page 10': { ...base, q: 'feedback', teamProgramme: true, sort: 'start-date', page: 10 },
  'text "burgerschap", 100 a page, page 60': { ...base, q: 'burgerschap', pageSize: 100, page: 60 },
};

/** runEnrolment (@napl/domain) written out again for the reference query, state by state. */
function enrolmentReference(states: readonly string[]): string {
  const termOpen = `(r.enrolment_deadline > now() OR (r.enrolment_deadline IS NULL AND r.start_date > (now() AT TIME ZONE 'Europe/Amsterdam')::date))`;
  const each: Record<string, string> = {
    open: `(${termOpen} AND r.capacity > r.places_taken)`,
    'waiting-list': `(${termOpen} AND r.capacity <= r.places_taken)`,
    closed: `NOT ${termOpen}`,
  };
  return `(${states.map((state) => each[state]).join(' OR ')})`;
}

async function seed(dataSource: DataSource): Promise<void> {
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
        || 'van ervaren trainers en past het geleerde toe in je lessen. Aandacht voor ' || t.topics[1 + (i * 11) % 20] || '.'
        -- A word found in one offer in 2,000: a selective text query.
        || CASE WHEN i % 2000 = 7 THEN ' Met aandacht voor zeldzaamheid.' ELSE '' END,
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
  // Capacity 0 (i % 25 = 0) and a passed deadline (i % 7 = 0) close a run; a few runs are full or cancelled.
  await dataSource.query(`
    INSERT INTO run (id, offer_id, offer_version, provider_id, start_date, end_date, sessions, online, location, capacity,
      enrolment_deadline, price_cents, status, places_taken, created_at, updated_at)
    SELECT md5('run' || i || '-' || n)::uuid, md5('offer' || i)::uuid, 1, md5('provider' || (i % 400))::uuid,
      current_date + (i % 300 + n * 40), current_date + (i % 300 + n * 40 + 30), '[]'::jsonb, i % 3 = 1, 'Utrecht', (i % 25),
      CASE WHEN i % 7 = 0 THEN now() - interval '1 day' ELSE now() + ((i % 300) || ' days')::interval END, NULL,
      CASE WHEN i % 97 = 5 THEN 'cancelled' ELSE 'scheduled' END, CASE WHEN i % 11 = 3 THEN i % 25 ELSE 0 END, now(), now()
    FROM generate_series(1, ${OFFERS}) i, generate_series(0, 1) n WHERE i % 5 <> 0 OR n = 0`);
  // As autovacuum would after a bulk load: statistics, visibility map (index-only scans), GIN pending lists flushed.
  const tables: { tablename: string }[] = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`);
  for (const { tablename } of tables) await dataSource.query(`VACUUM ANALYZE "${tablename}"`);
}

async function main(): Promise<void> {
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'bench');
  const dataSource = await openServiceDataSource('catalogue', databaseUrl, ENTITIES, MIGRATIONS);
  try {
    const seeded = performance.now();
    await seed(dataSource);
    const counts = await dataSource.query(`SELECT (SELECT count(*) FROM offer_version WHERE listed) AS listed, (SELECT count(*) FROM offer_version) AS versions, (SELECT count(*) FROM run) AS runs`);
    console.log(`seeded ${counts[0].listed} listed offers, ${counts[0].versions} versions, ${counts[0].runs} runs in ${Math.round(performance.now() - seeded)} ms`);

    const search = new OfferSearch(dataSource);
    await checkAgainstReference(dataSource, search);

    const p95s = new Map<string, number[]>(Object.keys(QUERIES).map((name) => [name, []]));
    for (let pass = 1; pass <= PASSES; pass++) {
      console.log(`\n${PASSES > 1 ? `pass ${pass}/${PASSES}: ` : ''}${ROUNDS} rounds per query (after 5 warm-up rounds), ms; total+ = at least:`);
      console.log(`${'query'.padEnd(48)} ${'total'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`);
      for (const [name, criteria] of Object.entries(QUERIES)) {
        for (let i = 0; i < 5; i++) await search.search(criteria);
        const times: number[] = [];
        let total = '';
        for (let i = 0; i < ROUNDS; i++) {
          const started = performance.now();
          const page = await search.search(criteria);
          times.push(performance.now() - started);
          total = `${page.total}${page.totalIsExact === false ? '+' : ''}`;
        }
        times.sort((a, b) => a - b);
        p95s.get(name)!.push(percentile(times, 95));
        const at = (p: number) => percentile(times, p).toFixed(1).padStart(7);
        console.log(`${name.padEnd(48)} ${total.padStart(7)} ${at(50)} ${at(95)} ${at(99)} ${times.at(-1)!.toFixed(1).padStart(7)}`);
      }
    }
    if (PASSES > 1) {
      console.log(`\nmedian of the ${PASSES} p95s, ms:`);
      for (const [name, values] of p95s) console.log(`${name.padEnd(48)} ${median(values).toFixed(1).padStart(7)}   (${values.map((v) => v.toFixed(1)).join(', ')})`);
    }
  } finally {
    await dataSource.destroy();
    if (KEEP) console.log(`\nkept the scratch database: ${databaseUrl}`);
    else await dropTestDatabase(databaseUrl);
  }
}

/**
 * Every query kind, on its own page and on page 1 and 3, must give what a straightforward query gives: all
 * conditions as written, the next start date per offer by a correlated subquery, an exact count(*), a full sort.
 * When the search says the total is a lower bound, the exact count must be at least that.
 */
async function checkAgainstReference(dataSource: DataSource, search: OfferSearch): Promise<void> {
  let checked = 0;
  for (const [name, query] of Object.entries(QUERIES)) {
    for (const criteria of [query, { ...query, page: 1 }, { ...query, page: 3 }]) {
      const [actual, expected] = [await search.search(criteria), await referenceSearch(dataSource, criteria)];
      const got = actual.items.map((hit) => `${hit.offerId} ${hit.nextStartDate} ${hit.rank.toFixed(5)}`);
      const want = expected.items.map((hit) => `${hit.offerId} ${hit.nextStartDate} ${hit.rank.toFixed(5)}`);
      const totalOk = actual.totalIsExact === false ? actual.total <= expected.total : actual.total === expected.total;
      if (JSON.stringify(got) !== JSON.stringify(want) || !totalOk) {
        throw new Error(`${name}, page ${criteria.page}: differs from the reference query\n` +
          `search:    total ${actual.total} (exact: ${actual.totalIsExact}) ${JSON.stringify(got.slice(0, 5))}\n` +
          `reference: total ${expected.total} ${JSON.stringify(want.slice(0, 5))}`);
      }
      checked++;
    }
  }
  console.log(`${checked} searches give the same hits, order, next start dates and ranks as the reference query; totals agree`);
}

/** The plain query: what the search must answer, however it gets there. */
async function referenceSearch(dataSource: DataSource, criteria: OfferSearchCriteria) {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['v.listed'];
  const q = criteria.q?.trim();
  const tsquery = q ? `websearch_to_tsquery('dutch', ${param(q)})` : '';
  const rank = q ? `ts_rank(v.search_vector, ${tsquery})` : '0::real';
  if (q) where.push(`v.search_vector @@ ${tsquery}`);
  if (criteria.sectors?.length) where.push(`v.sectors && ${param(criteria.sectors)}::text[]`);
  if (criteria.regionId) where.push(`(v.national OR ${param(criteria.regionId)} = ANY(v.region_ids))`);
  if (criteria.pathStepCodes?.length) where.push(`v.path_step_codes && ${param(criteria.pathStepCodes)}::text[]`);
  if (criteria.formats?.length) where.push(`v.format = ANY(${param(criteria.formats)}::text[])`);
  if (criteria.deliveryModes?.length) where.push(`v.delivery_mode = ANY(${param(criteria.deliveryModes)}::text[])`);
  if (criteria.minPriceCents !== undefined) where.push(`v.price_cents >= ${param(criteria.minPriceCents)}`);
  if (criteria.maxPriceCents !== undefined) where.push(`v.price_cents <= ${param(criteria.maxPriceCents)}`);
  if (criteria.teamProgramme !== undefined) where.push(`v.team_programme = ${param(criteria.teamProgramme)}`);
  const runs = [`r.offer_id = v.offer_id`, `r.status = 'scheduled'`, `r.start_date >= current_date`];
  if (criteria.startsFrom) runs.push(`r.start_date >= ${param(criteria.startsFrom)}::date`);
  if (criteria.startsUntil) runs.push(`r.start_date <= ${param(criteria.startsUntil)}::date`);
  if (criteria.enrolment?.length) runs.push(enrolmentReference(criteria.enrolment));
  const nextStart = `(SELECT min(r.start_date) FROM run r WHERE ${runs.join(' AND ')})`;
  if (criteria.startsFrom || criteria.startsUntil || criteria.enrolment?.length) where.push(`${nextStart} IS NOT NULL`);
  const order = criteria.sort === 'start-date' ? 'next_start ASC NULLS LAST, offer_id' : q ? 'rank DESC, offer_id' : 'published_at DESC, offer_id';
  const rows: { offer_id: string; next_start: string | null; rank: number; total: string }[] = await dataSource.query(
    `SELECT * FROM (SELECT v.offer_id, v.published_at, ${rank} AS rank, to_char(${nextStart}, 'YYYY-MM-DD') AS next_start, count(*) OVER () AS total
       FROM offer_version v WHERE ${where.join(' AND ')}) m
     ORDER BY ${order} LIMIT ${criteria.pageSize} OFFSET ${(criteria.page - 1) * criteria.pageSize}`,
    params,
  );
  const [{ total }] = await dataSource.query(`SELECT count(*) AS total FROM offer_version v WHERE ${where.join(' AND ')}`, params);
  return {
    total: Number(total),
    items: rows.map((row) => ({ offerId: row.offer_id, nextStartDate: row.next_start, rank: Number(row.rank) })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
