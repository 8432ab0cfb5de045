import type { EntityManager } from 'typeorm';
import type { HandlerContext } from '@napl/messaging';

type SqlType = 'text' | 'date' | 'timestamptz' | 'bigint' | 'integer' | 'boolean';

export interface FactColumn<R> {
  readonly name: string;
  readonly type: SqlType;
  readonly value: (row: R) => unknown;
}

/**
 * One table of facts and its upsert rule. The rule (`onConflict`, with `t` the stored row and EXCLUDED the new one) is
 * what makes the read models order-independent and idempotent: applying rows one by one, in any order, any number of
 * times, or many at once in one statement leaves the same table. The live consumer writes one event's rows at a time,
 * the rebuild a whole batch's; both go through `upsertFacts`, so the rule is written once.
 */
export interface FactTable<R> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entity: Function;
  readonly columns: readonly FactColumn<R>[];
  /** The primary key as a string: rows of one key must not meet in one statement (Postgres refuses that). */
  readonly key: (row: R) => string;
  readonly onConflict: string;
  /**
   * Folds two rows of one key into the row the rule would leave after both; a batch then sends one row per key instead
   * of one statement per repetition. Only where a key repeats often in a batch (the freshness of a topic).
   */
  readonly fold?: (a: R, b: R) => R;
  /** Written last in a batch's transaction: a row every batch of a topic touches (its lock is held the shortest). */
  readonly hot?: boolean;
}

export function column<R>(name: string, type: SqlType, value: (row: R) => unknown): FactColumn<R> {
  return { name, type, value };
}

/**
 * Upserts the rows with one statement per round: a round holds each key at most once (sorted by key, so concurrent
 * batches lock rows in the same order). Rows of a key that repeats go to later rounds, or are folded first.
 */
export async function upsertFacts<R>(manager: EntityManager, table: FactTable<R>, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const path = manager.connection.getMetadata(table.entity).tablePath;
  const names = table.columns.map((c) => c.name).join(', ');
  const types = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  // The rows travel as one JSON array: JSON.stringify and Postgres' JSON parser are far cheaper for thousands of rows
  // than a parameter per value or an array literal per column; values of types JSON lacks (bigint) come as strings.
  const sql = `INSERT INTO ${path} AS t (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS r(${types}) ${table.onConflict}`;
  for (const round of roundsOf(table, rows)) {
    const records = round.map((row) => {
      const record: Record<string, unknown> = {};
      for (const c of table.columns) record[c.name] = c.value(row);
      return record;
    });
    await manager.query(sql, [JSON.stringify(records)]);
  }
}

function roundsOf<R>(table: FactTable<R>, rows: readonly R[]): R[][] {
  if (rows.length === 1) return [[rows[0]]];
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const key = table.key(row);
    const same = byKey.get(key);
    if (!same) byKey.set(key, [row]);
    else if (table.fold) same[0] = table.fold(same[0], row);
    else same.push(row);
  }
  const keys = [...byKey.keys()].sort();
  const rounds: R[][] = [];
  for (const key of keys) {
    byKey.get(key)!.forEach((row, index) => (rounds[index] ??= []).push(row));
  }
  return rounds;
}

/** The fact rows of many events, gathered while their handlers run and written together (the rebuild's batches). */
export class FactBatch {
  private readonly pending = new Map<FactTable<unknown>, unknown[]>();

  add<R>(table: FactTable<R>, rows: readonly R[]): void {
    const list = this.pending.get(table as FactTable<unknown>);
    if (list) list.push(...rows);
    else this.pending.set(table as FactTable<unknown>, [...rows]);
  }

  get size(): number {
    let total = 0;
    for (const rows of this.pending.values()) total += rows.length;
    return total;
  }

  /** Writes every table's rows, tables in a fixed order (the hot ones last), then forgets them. */
  async flush(manager: EntityManager): Promise<void> {
    const pathOf = (table: FactTable<unknown>) => manager.connection.getMetadata(table.entity).tablePath;
    const tables = [...this.pending.keys()].sort((a, b) => Number(a.hot ?? false) - Number(b.hot ?? false) || pathOf(a).localeCompare(pathOf(b)));
    for (const table of tables) await upsertFacts(manager, table, this.pending.get(table)!);
    this.pending.clear();
  }
}

const FACT_BATCH = Symbol('monitoring-fact-batch');

/** A handler context whose fact writes are gathered in a batch rather than written at once. */
export function batchedContext(context: HandlerContext, batch: FactBatch): HandlerContext {
  return { ...context, [FACT_BATCH]: batch } as HandlerContext;
}

/** How every handler writes its facts: at once in the event's transaction (live), or into the batch (rebuild). */
export async function writeFacts<R>(context: HandlerContext, table: FactTable<R>, rows: readonly R[]): Promise<void> {
  const batch = (context as { [FACT_BATCH]?: FactBatch })[FACT_BATCH];
  if (batch) batch.add(table, rows);
  else await upsertFacts(context.manager, table, rows);
}
