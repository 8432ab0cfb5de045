import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { RunEnrolment } from '@napl/domain';
import { OfferVersionEntity } from '../../offers/infrastructure/offer-version.entity';
import { RunEntity } from '../../runs/infrastructure/run.entity';
import type { Page } from '../../shared/pagination';
import { ListedOfferEntity } from '../infrastructure/listed-offer.entity';

export interface OfferSearchCriteria {
  q?: string;
  sectors?: string[];
  regionId?: string;
  pathStepCodes?: string[];
  formats?: string[];
  deliveryModes?: string[];
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Only offers with a scheduled run starting in this window (YYYY-MM-DD). */
  startsFrom?: string;
  startsUntil?: string;
  /**
   * Only offers with an upcoming run where enrolling now does one of these (runEnrolment in @napl/domain, here in
   * SQL); the places taken follow the enrolments service's events (see the README).
   */
  enrolment?: readonly RunEnrolment[];
  teamProgramme?: boolean;
  sort: 'relevance' | 'start-date';
  page: number;
  pageSize: number;
}

export interface OfferSearchHit {
  offerId: string;
  version: number;
  providerId: string;
  title: string;
  summary: string;
  sectors: string[];
  format: string;
  deliveryMode: string;
  studyLoadHours: number;
  priceCents: number;
  regionIds: string[];
  national: boolean;
  pathStepCodes: string[];
  teamProgramme: boolean;
  /** The first scheduled run (within the date window, if one was given) that has not started yet. */
  nextStartDate: string | null;
  /** ts_rank of the Dutch full-text match; 0 without a text query. */
  rank: number;
}

export interface OfferSearchPage extends Page<OfferSearchHit> {
  /**
   * true: `total` is the number of matches. false: at least `total` offers match; counting stops after
   * EXACT_TOTAL_UP_TO matches, because an exact count costs as much as reading every match.
   */
  totalIsExact: boolean;
}

/** Up to this many matches the total is exact (and the page is sorted among all of them). */
export const EXACT_TOTAL_UP_TO = 1000;

/** Upcoming runs read in date order for one start-date page: at least this many, or 20 per offer on the page and before it. */
const RUN_WALK_MIN = 5000;
const RUN_WALK_PER_ROW = 20;
/** Text matches kept in rank order per row of the page and before it, when a run filter thins them out. */
const RANKED_PER_ROW = 5;

interface Matched {
  offer_id: string;
  version: number;
  rank: number;
}

/** The SQL of one statement and its parameters ($1, $2, ...). */
class Statement {
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * Search over the listed offers (the published versions of offers that take enrolments) in `listed_offer`, a narrow
 * copy of those versions kept by the database (see ListedOfferEntity), with Postgres full-text search in the Dutch
 * configuration (Dutch stemming and stop words; websearch syntax: "phrases", OR, -word).
 *
 * The total is exact up to EXACT_TOTAL_UP_TO matches; beyond it, only where the page shows the end, lies past it, or
 * the matches were all read anyway, else a lower bound (`totalIsExact: false`). The plans, by kind:
 * - text with the offer's own filters, by relevance: rank and count all matches in one pass;
 * - otherwise first up to EXACT_TOTAL_UP_TO + 1 matches in whatever order is cheapest. If that is all of them, they
 *   are sorted and paged right there. Else the page is read in its order:
 *   - relevance with text: every match is ranked (the only order no index gives), on the narrow rows; with a run
 *     filter, the best ranked are probed for a qualifying run in rank order;
 *   - relevance without text: newest first, along listed_offer_newest_idx;
 *   - start date: along the upcoming runs in date order (run_upcoming_idx), taking each offer at its first
 *     qualifying run, so a page costs about a page of runs; a walk that finds too few (few matches among many runs,
 *     or a page past the offers with runs) falls back to sorting all matches by their next start.
 * Then the details of the page are read from offer_version.
 */
@Injectable()
export class OfferSearch {
  constructor(private readonly dataSource: DataSource) {}

  async search(criteria: OfferSearchCriteria): Promise<OfferSearchPage> {
    const offset = (criteria.page - 1) * criteria.pageSize;
    // One snapshot for the count, the page and its details, so they agree. No parallel workers and no JIT: a search
    // is a short read among many at once; on the 2-CPU machine workers made ranking 80,000 matches half again slower,
    // and compiling a plan costs more than running these.
    const db = this.dataSource.createQueryRunner();
    try {
      await db.startTransaction('REPEATABLE READ');
      await db.query('SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off');
      const { matches, total, totalIsExact } = await this.page(db, criteria, offset);
      const base = { page: criteria.page, pageSize: criteria.pageSize, total, totalIsExact };
      const items = matches.length === 0 ? [] : await this.details(db, criteria, matches);
      await db.commitTransaction();
      return { ...base, items };
    } finally {
      if (db.isTransactionActive) await db.rollbackTransaction();
      await db.release();
    }
  }

  private async page(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<{ matches: Matched[]; total: number; totalIsExact: boolean }> {
    if (criteria.q?.trim() && criteria.sort === 'relevance' && hasListingFilter(criteria) && !hasRunFilter(criteria)) {
      return this.rankAndCount(db, criteria, offset);
    }
    const { matched, page } = await this.pageAmongFirstMatches(db, criteria, offset);
    if (matched <= EXACT_TOTAL_UP_TO) return { matches: page, total: matched, totalIsExact: true };
    const matches = await this.pageInOrder(db, criteria, offset);
    // A page past the end still reports the total, counted (fewer matches than the offset, and a rare request).
    if (matches.length === 0) return { matches, total: await this.count(db, criteria), totalIsExact: true };
    // A page that is not full is the last one: the total is exact. A full page shows that at least its last position
    // matches.
    const exact = matches.length < criteria.pageSize;
    return { matches, total: exact ? offset + matches.length : Math.max(EXACT_TOTAL_UP_TO, offset + matches.length), totalIsExact: exact };
  }

  private async count(db: QueryRunner, criteria: OfferSearchCriteria): Promise<number> {
    const { listed, runs } = this.tables;
    const statement = new Statement();
    const where = matchConditions(criteria, statement, runs);
    const [{ matched }] = await db.query(`SELECT count(*)::int AS matched FROM ${listed} l WHERE ${where.join(' AND ')}`, statement.params);
    return matched;
  }

  private get tables() {
    return {
      listed: this.dataSource.getMetadata(ListedOfferEntity).tablePath,
      versions: this.dataSource.getMetadata(OfferVersionEntity).tablePath,
      runs: this.dataSource.getMetadata(RunEntity).tablePath,
    };
  }

  /**
   * Up to EXACT_TOTAL_UP_TO + 1 matches, counted; when that is all of them, the page sorted among them. One
   * statement, so a selective search costs one round trip and a broad one stops after the cap.
   */
  private async pageAmongFirstMatches(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<{ matched: number; page: Matched[] }> {
    const { listed, runs } = this.tables;
    const statement = new Statement();
    const where = matchConditions(criteria, statement, runs);
    const rank = rankSql(criteria, statement);
    let order = criteria.q?.trim() ? 'm.rank DESC, m.offer_id' : 'm.published_at DESC, m.offer_id';
    let nextStart = '';
    if (criteria.sort === 'start-date') {
      nextStart = `CROSS JOIN LATERAL (SELECT min(r.start_date) AS next_start FROM ${runs} r WHERE r.offer_id = m.offer_id AND ${runConditions(criteria, statement, 'r')}) n`;
      order = 'n.next_start ASC NULLS LAST, m.offer_id';
    }
    const rows: (Matched & { matched: number })[] = await db.query(
      `WITH m AS MATERIALIZED (SELECT l.offer_id, l.version, l.published_at, ${rank} AS rank FROM ${listed} l WHERE ${where.join(' AND ')} LIMIT ${EXACT_TOTAL_UP_TO + 1})
       SELECT c.matched, p.offer_id, p.version, p.rank
       FROM (SELECT count(*)::int AS matched FROM m) c
       LEFT JOIN LATERAL (
         SELECT m.offer_id, m.version, m.rank, row_number() OVER (ORDER BY ${order}) AS position FROM m ${nextStart}
         WHERE c.matched <= ${EXACT_TOTAL_UP_TO} ORDER BY ${order} LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}
       ) p ON true
       ORDER BY p.position`,
      statement.params,
    );
    return { matched: rows[0].matched, page: rows.filter((row) => row.offer_id !== null) };
  }

  /**
   * Text with the offer's own filters, by relevance: ranking has to visit every match anyway, so the same pass counts
   * them (over narrow rows), and the total is exact. Counting up to the cap first would read the thinned-out matches
   * twice.
   */
  private async rankAndCount(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<{ matches: Matched[]; total: number; totalIsExact: boolean }> {
    const { listed } = this.tables;
    const statement = new Statement();
    const rank = rankSql(criteria, statement);
    const where = listingConditions(criteria, statement);
    const rows: (Matched & { matched: number })[] = await db.query(
      `SELECT s.offer_id, s.version, s.rank, (count(*) OVER ())::int AS matched
       FROM (SELECT l.offer_id, l.version, ${rank} AS rank FROM ${listed} l WHERE ${where.join(' AND ')} OFFSET 0) s
       ORDER BY s.rank DESC, s.offer_id LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}`,
      statement.params,
    );
    if (rows.length > 0 || offset === 0) return { matches: rows, total: rows[0]?.matched ?? 0, totalIsExact: true };
    return { matches: [], total: await this.count(db, criteria), totalIsExact: true };
  }

  /** The page in its order when more than EXACT_TOTAL_UP_TO offers match. */
  private async pageInOrder(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<Matched[]> {
    if (criteria.sort === 'start-date') {
      const walked = await this.pageAlongRuns(db, criteria, offset);
      if (walked) return walked;
      return this.pageSortedByNextStart(db, criteria, offset);
    }
    const text = Boolean(criteria.q?.trim());
    if (text && hasRunFilter(criteria)) {
      // Rank every text match, keep the best few times a page (narrow rows: id, version, rank), then look for a
      // qualifying run in rank order until the page is full; only if too few of those qualify, all matches in order.
      // Probing every match first, or sorting the matches with their documents, costs several times more.
      const page = await this.pageRankedWithRuns(db, criteria, offset, RANKED_PER_ROW * (offset + criteria.pageSize));
      return page.length === criteria.pageSize ? page : this.pageRankedWithRuns(db, criteria, offset);
    }
    const { listed, runs } = this.tables;
    const statement = new Statement();
    const rank = rankSql(criteria, statement);
    const where = matchConditions(criteria, statement, runs);
    return db.query(
      `SELECT l.offer_id, l.version, ${rank} AS rank FROM ${listed} l WHERE ${where.join(' AND ')}
       ORDER BY ${text ? 'rank DESC, l.offer_id' : 'l.published_at DESC, l.offer_id'}
       LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}`,
      statement.params,
    );
  }

  /** Text matches in rank order that have a qualifying run; among the `best` ranked only, if given. */
  private async pageRankedWithRuns(db: QueryRunner, criteria: OfferSearchCriteria, offset: number, best?: number): Promise<Matched[]> {
    const { listed, runs } = this.tables;
    const statement = new Statement();
    const rank = rankSql(criteria, statement);
    const where = listingConditions(criteria, statement);
    return db.query(
      `SELECT s.offer_id, s.version, s.rank
       FROM (SELECT l.offer_id, l.version, ${rank} AS rank FROM ${listed} l WHERE ${where.join(' AND ')}
             ORDER BY rank DESC, l.offer_id ${best === undefined ? 'OFFSET 0' : `LIMIT ${best}`}) s
       WHERE EXISTS (SELECT 1 FROM ${runs} r WHERE r.offer_id = s.offer_id AND ${runConditions(criteria, statement, 'r')})
       ORDER BY s.rank DESC, s.offer_id
       LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}`,
      statement.params,
    );
  }

  /**
   * Start-date order along the upcoming runs: a run counts when it qualifies (scheduled, not started, in the window,
   * open if asked), its offer matches, and the offer has no earlier qualifying run. Undefined when the walk may have
   * stopped short: it read its maximum of runs, or (without run filters) matching offers without runs come next.
   */
  private async pageAlongRuns(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<Matched[] | undefined> {
    const { listed, runs } = this.tables;
    const walk = Math.max(RUN_WALK_MIN, RUN_WALK_PER_ROW * (offset + criteria.pageSize));
    const statement = new Statement();
    const upcoming = runConditions(criteria, statement, 'u');
    const earlier = runConditions(criteria, statement, 'e');
    const where = listingConditions(criteria, statement);
    const rank = rankSql(criteria, statement);
    const rows: Matched[] = await db.query(
      `SELECT u.offer_id, l.version, ${rank} AS rank
       FROM (SELECT u.offer_id, u.start_date, u.id FROM ${runs} u WHERE ${upcoming} ORDER BY u.start_date, u.offer_id, u.id LIMIT ${walk}) u
       JOIN ${listed} l ON l.offer_id = u.offer_id
       WHERE ${[...where, `NOT EXISTS (SELECT 1 FROM ${runs} e WHERE e.offer_id = u.offer_id AND ${earlier} AND (e.start_date, e.id) < (u.start_date, u.id))`].join(' AND ')}
       ORDER BY u.start_date, u.offer_id
       LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}`,
      statement.params,
    );
    if (rows.length === criteria.pageSize) return rows;
    if (!hasRunFilter(criteria)) return undefined;
    const check = new Statement();
    const [{ read }] = await db.query(
      `SELECT count(*)::int AS read FROM (SELECT 1 FROM ${runs} u WHERE ${runConditions(criteria, check, 'u')} LIMIT ${walk}) w`,
      check.params,
    );
    return read < walk ? rows : undefined;
  }

  /** Start-date order the plain way: the next qualifying start of every match (offers without one last). */
  private async pageSortedByNextStart(db: QueryRunner, criteria: OfferSearchCriteria, offset: number): Promise<Matched[]> {
    const { listed, runs } = this.tables;
    const statement = new Statement();
    const where = matchConditions(criteria, statement, runs);
    const rank = rankSql(criteria, statement);
    return db.query(
      `SELECT l.offer_id, l.version, ${rank} AS rank FROM ${listed} l
       CROSS JOIN LATERAL (SELECT min(r.start_date) AS next_start FROM ${runs} r WHERE r.offer_id = l.offer_id AND ${runConditions(criteria, statement, 'r')}) n
       WHERE ${where.join(' AND ')}
       ORDER BY n.next_start ASC NULLS LAST, l.offer_id
       LIMIT ${statement.param(criteria.pageSize)} OFFSET ${statement.param(offset)}`,
      statement.params,
    );
  }

  /** Details for the page only, with the same run conditions for the next start date. */
  private async details(db: QueryRunner, criteria: OfferSearchCriteria, matches: Matched[]): Promise<OfferSearchHit[]> {
    const { versions, runs } = this.tables;
    const statement = new Statement();
    const ids = statement.param(matches.map((match) => match.offer_id));
    const nextStart = `(SELECT min(r.start_date) FROM ${runs} r WHERE r.offer_id = v.offer_id AND ${runConditions(criteria, statement, 'r')})`;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT v.offer_id, v.version, v.provider_id, v.title, v.summary, v.sectors, v.format, v.delivery_mode, v.study_load_hours,
              v.price_cents, v.region_ids, v.national, v.path_step_codes, v.team_programme, to_char(${nextStart}, 'YYYY-MM-DD') AS next_start_date
       FROM ${versions} v WHERE v.listed AND v.offer_id = ANY(${ids}::uuid[])`,
      statement.params,
    );
    // The same snapshot as the page: every match is there.
    const byId = new Map(rows.map((row) => [row.offer_id as string, row]));
    return matches.map((match) => hit(byId.get(match.offer_id)!, Number(match.rank)));
  }
}

/** A filter on the offer itself besides the text. */
function hasListingFilter(criteria: OfferSearchCriteria): boolean {
  return Boolean(
    criteria.sectors?.length ||
      criteria.regionId ||
      criteria.pathStepCodes?.length ||
      criteria.formats?.length ||
      criteria.deliveryModes?.length ||
      criteria.minPriceCents !== undefined ||
      criteria.maxPriceCents !== undefined ||
      criteria.teamProgramme !== undefined,
  );
}

function hasRunFilter(criteria: OfferSearchCriteria): boolean {
  return Boolean(criteria.startsFrom || criteria.startsUntil || criteria.enrolment?.length);
}

function tsquery(criteria: OfferSearchCriteria, statement: Statement): string | undefined {
  const q = criteria.q?.trim();
  return q ? `websearch_to_tsquery('dutch', ${statement.param(q)})` : undefined;
}

function rankSql(criteria: OfferSearchCriteria, statement: Statement): string {
  const query = tsquery(criteria, statement);
  return query ? `ts_rank(l.search_vector, ${query})` : '0::real';
}

/** What a listed offer itself must satisfy (alias l): text and the offer's own filters. */
function listingConditions(criteria: OfferSearchCriteria, statement: Statement): string[] {
  const param = (value: unknown) => statement.param(value);
  const where: string[] = [];
  const query = tsquery(criteria, statement);
  if (query) where.push(`l.search_vector @@ ${query}`);
  if (criteria.sectors?.length) where.push(`l.sectors && ${param(criteria.sectors)}::text[]`);
  if (criteria.regionId) where.push(`(l.national OR l.region_ids @> ARRAY[${param(criteria.regionId)}]::text[])`);
  if (criteria.pathStepCodes?.length) where.push(`l.path_step_codes && ${param(criteria.pathStepCodes)}::text[]`);
  if (criteria.formats?.length) where.push(`l.format = ANY(${param(criteria.formats)}::text[])`);
  if (criteria.deliveryModes?.length) where.push(`l.delivery_mode = ANY(${param(criteria.deliveryModes)}::text[])`);
  if (criteria.minPriceCents !== undefined) where.push(`l.price_cents >= ${param(criteria.minPriceCents)}`);
  if (criteria.maxPriceCents !== undefined) where.push(`l.price_cents <= ${param(criteria.maxPriceCents)}`);
  if (criteria.teamProgramme !== undefined) where.push(`l.team_programme = ${param(criteria.teamProgramme)}`);
  return where.length > 0 ? where : ['true'];
}

/** The listing conditions plus, with a date window or an enrolment filter, a qualifying run. */
function matchConditions(criteria: OfferSearchCriteria, statement: Statement, runs: string): string[] {
  const where = listingConditions(criteria, statement);
  if (hasRunFilter(criteria)) where.push(`EXISTS (SELECT 1 FROM ${runs} r WHERE r.offer_id = l.offer_id AND ${runConditions(criteria, statement, 'r')})`);
  return where;
}

/** The runs that count: scheduled, not started, in the date window and (enrolment) in one of the states asked for. */
function runConditions(criteria: OfferSearchCriteria, statement: Statement, alias: string): string {
  const conditions = [`${alias}.status = 'scheduled'`, `${alias}.start_date >= current_date`];
  if (criteria.startsFrom) conditions.push(`${alias}.start_date >= ${statement.param(criteria.startsFrom)}::date`);
  if (criteria.startsUntil) conditions.push(`${alias}.start_date <= ${statement.param(criteria.startsUntil)}::date`);
  if (criteria.enrolment?.length) conditions.push(enrolmentCondition(criteria.enrolment, alias));
  return conditions.join(' AND ');
}

/**
 * runEnrolment (@napl/domain) in SQL, for scheduled runs of listed (so published) offers: the term is open until the
 * deadline, or without one until the start date in Amsterdam; open with places left, else the waiting list.
 */
export function enrolmentCondition(states: readonly RunEnrolment[], alias: string): string {
  const termOpen = `(${alias}.enrolment_deadline > now() OR (${alias}.enrolment_deadline IS NULL AND ${alias}.start_date > (now() AT TIME ZONE 'Europe/Amsterdam')::date))`;
  const each: Record<RunEnrolment, string> = {
    open: `(${termOpen} AND ${alias}.capacity > ${alias}.places_taken)`,
    'waiting-list': `(${termOpen} AND ${alias}.capacity <= ${alias}.places_taken)`,
    closed: `NOT ${termOpen}`,
  };
  return `(${[...new Set(states)].map((state) => each[state]).join(' OR ')})`;
}

function hit(row: Record<string, unknown>, rank: number): OfferSearchHit {
  return {
    offerId: row.offer_id as string,
    version: row.version as number,
    providerId: row.provider_id as string,
    title: row.title as string,
    summary: row.summary as string,
    sectors: row.sectors as string[],
    format: row.format as string,
    deliveryMode: row.delivery_mode as string,
    studyLoadHours: row.study_load_hours as number,
    priceCents: Number(row.price_cents),
    regionIds: row.region_ids as string[],
    national: row.national as boolean,
    pathStepCodes: row.path_step_codes as string[],
    teamProgramme: row.team_programme as boolean,
    nextStartDate: (row.next_start_date as string | null) ?? null,
    rank,
  };
}
