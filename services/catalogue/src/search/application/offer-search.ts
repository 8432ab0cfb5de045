import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfferVersionEntity } from '../../offers/infrastructure/offer-version.entity';
import { RunEntity } from '../../runs/infrastructure/run.entity';
import type { Page } from '../../shared/pagination';

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
  /** Only offers with a run that still takes enrolments (see the note on openPlaces in the README). */
  openPlaces?: boolean;
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

/**
 * Search over the listed offer versions (the published versions of offers that take enrolments), with Postgres
 * full-text search in the Dutch configuration (Dutch stemming and stop words; websearch syntax: "phrases", OR, -word).
 * First the page of matches is found with all filters in one statement, then the details of that page are read.
 */
@Injectable()
export class OfferSearch {
  constructor(private readonly dataSource: DataSource) {}

  async search(criteria: OfferSearchCriteria): Promise<Page<OfferSearchHit>> {
    const versions = this.dataSource.getMetadata(OfferVersionEntity).tablePath;
    const runs = this.dataSource.getMetadata(RunEntity).tablePath;
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['v.listed'];
    let rank = '0::real';
    if (criteria.q?.trim()) {
      const query = `websearch_to_tsquery('dutch', ${param(criteria.q.trim())})`;
      where.push(`v.search_vector @@ ${query}`);
      rank = `ts_rank(v.search_vector, ${query})`;
    }
    if (criteria.sectors?.length) where.push(`v.sectors && ${param(criteria.sectors)}::text[]`);
    if (criteria.regionId) where.push(`(v.national OR v.region_ids @> ARRAY[${param(criteria.regionId)}]::text[])`);
    if (criteria.pathStepCodes?.length) where.push(`v.path_step_codes && ${param(criteria.pathStepCodes)}::text[]`);
    if (criteria.formats?.length) where.push(`v.format = ANY(${param(criteria.formats)}::text[])`);
    if (criteria.deliveryModes?.length) where.push(`v.delivery_mode = ANY(${param(criteria.deliveryModes)}::text[])`);
    if (criteria.minPriceCents !== undefined) where.push(`v.price_cents >= ${param(criteria.minPriceCents)}`);
    if (criteria.maxPriceCents !== undefined) where.push(`v.price_cents <= ${param(criteria.maxPriceCents)}`);
    if (criteria.teamProgramme !== undefined) where.push(`v.team_programme = ${param(criteria.teamProgramme)}`);

    const runFilter = runFilterSql(runs, criteria, param);
    if (criteria.startsFrom || criteria.startsUntil || criteria.openPlaces) where.push(`EXISTS (SELECT 1 ${runFilter})`);
    const nextStart = `(SELECT min(r.start_date) ${runFilter})`;

    const order =
      criteria.sort === 'start-date'
        ? `${nextStart} ASC NULLS LAST, v.offer_id`
        : criteria.q?.trim()
          ? `rank DESC, v.offer_id`
          : `v.published_at DESC, v.offer_id`;
    const offset = (criteria.page - 1) * criteria.pageSize;
    const matches: { offer_id: string; version: number; rank: number; total: string }[] = await this.dataSource.query(
      `SELECT v.offer_id, v.version, ${rank} AS rank, count(*) OVER () AS total
       FROM ${versions} v WHERE ${where.join(' AND ')}
       ORDER BY ${order} LIMIT ${param(criteria.pageSize)} OFFSET ${param(offset)}`,
      params,
    );
    const total = matches.length > 0 ? Number(matches[0].total) : await this.count(versions, where, params, offset);
    if (matches.length === 0) return { items: [], page: criteria.page, pageSize: criteria.pageSize, total };

    // Details for the page only, with the same run conditions for the next start date.
    const detailParams: unknown[] = [matches.map((match) => match.offer_id)];
    const detailNextStart = `(SELECT min(r.start_date) ${runFilterSql(runs, criteria, (value) => `$${detailParams.push(value)}`)})`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT v.offer_id, v.version, v.provider_id, v.title, v.summary, v.sectors, v.format, v.delivery_mode, v.study_load_hours,
              v.price_cents, v.region_ids, v.national, v.path_step_codes, v.team_programme, to_char(${detailNextStart}, 'YYYY-MM-DD') AS next_start_date
       FROM ${versions} v WHERE v.listed AND v.offer_id = ANY($1::uuid[])`,
      detailParams,
    );
    const byId = new Map(rows.map((row) => [row.offer_id as string, row]));
    const items = matches.flatMap((match) => {
      const row = byId.get(match.offer_id);
      return row ? [hit(row, Number(match.rank))] : [];
    });
    return { items, page: criteria.page, pageSize: criteria.pageSize, total };
  }

  /** A page past the end still reports the total. */
  private async count(versions: string, where: string[], params: unknown[], offset: number): Promise<number> {
    if (offset === 0) return 0;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*) AS total FROM ${versions} v WHERE ${where.join(' AND ')}`,
      params.slice(0, params.length - 2),
    );
    return Number(total);
  }
}

/** The runs that count: scheduled, not started, in the date window and (openPlaces) still open for enrolment. */
function runFilterSql(runs: string, criteria: OfferSearchCriteria, param: (value: unknown) => string): string {
  const conditions = [`r.offer_id = v.offer_id`, `r.status = 'scheduled'`, `r.start_date >= current_date`];
  if (criteria.startsFrom) conditions.push(`r.start_date >= ${param(criteria.startsFrom)}::date`);
  if (criteria.startsUntil) conditions.push(`r.start_date <= ${param(criteria.startsUntil)}::date`);
  if (criteria.openPlaces) conditions.push(`r.capacity > r.places_taken`, `(r.enrolment_deadline IS NULL OR r.enrolment_deadline > now())`);
  return `FROM ${runs} r WHERE ${conditions.join(' AND ')}`;
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
