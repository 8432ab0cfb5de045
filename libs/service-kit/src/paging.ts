import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '@napl/domain';
import { Optional } from './validation';

/**
 * Keyset paging for the lists of the services: `?limit=&cursor=`, answered with the items, the cursor of the next
 * page and whether there is one. A list never stops silently: a client follows `nextCursor` while `hasMore`.
 * Keyset rather than offset: a row inserted or removed between two pages neither repeats nor skips another row, and
 * page 1,000 costs what page 1 costs. The cursor is opaque to clients (base64url of the last row's sort key) and is
 * checked part by part before it reaches SQL, so a forged one is a 400, never a database error.
 */
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 100;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT, description: 'Hoeveel items per pagina.' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'De nextCursor van de vorige pagina; zonder: de eerste pagina.' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'is geen geldige cursor' })
  cursor?: string;
}

/** The response of every paged list. */
export interface Page<T> {
  readonly items: T[];
  readonly limit: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/** For the OpenAPI document: a paged list's fields besides `items` (a subclass declares `items` with its type). */
export class PageView {
  @ApiProperty({ minimum: 1, maximum: PAGE_LIMIT_MAX }) limit: number;
  @ApiProperty({ nullable: true, type: String, description: 'Geef mee als cursor voor de volgende pagina; null op de laatste.' })
  nextCursor: string | null;
  @ApiProperty({ description: 'Of er na deze pagina nog items zijn.' }) hasMore: boolean;
}

/** What one part of a sort key must be; a cursor part that is not is refused. */
export type CursorPart = 'uuid' | 'timestamp' | 'date' | 'integer' | 'text';
export type CursorValue = string | number;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export class InvalidCursorError extends DomainError<'INVALID_CURSOR'> {
  constructor() {
    super('INVALID_CURSOR', 'invalid', 'Deze cursor is ongeldig; begin opnieuw zonder cursor.');
  }
}

export function limitOf(query: Pick<PageQuery, 'limit'>): number {
  return query.limit ?? PAGE_LIMIT_DEFAULT;
}

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The sort key a cursor carries, each part checked against its kind; undefined without a cursor. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): CursorValue[] | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(values) || values.length !== parts.length) throw new InvalidCursorError();
  return values.map((value: unknown, index) => {
    if (!fits(value, parts[index])) throw new InvalidCursorError();
    return value as CursorValue;
  });
}

function fits(value: unknown, part: CursorPart): boolean {
  switch (part) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'date': // a day that exists: Date rolls 2027-02-30 over into March, Postgres refuses it
      return typeof value === 'string' && DATE.test(value) && roundTrips(`${value}T00:00:00.000Z`);
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value) && roundTrips(value);
    case 'text':
      return typeof value === 'string' && value.length <= 500;
  }
}

function roundTrips(iso: string): boolean {
  const time = Date.parse(iso);
  return !Number.isNaN(time) && new Date(time).toISOString() === iso;
}

/**
 * A page from rows read with `limit + 1`: the extra row only says that more exist. `keyOf` gives the sort key of
 * the page's last row, the next page's cursor.
 */
export function pageOf<R, T = R>(rows: readonly R[], limit: number, keyOf: (row: R) => CursorValue[], view?: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const kept = rows.slice(0, limit);
  return {
    items: kept.map((row) => (view ? view(row) : (row as unknown as T))),
    limit,
    nextCursor: hasMore && kept.length > 0 ? encodeCursor(keyOf(kept[kept.length - 1])) : null,
    hasMore,
  };
}
