import type { EntityManager } from 'typeorm';
import type { HandlerContext } from '@napl/messaging';
import { batchedContext, column, FactBatch, upsertFacts, writeFacts, type FactTable } from './fact-upsert';

class CountFact {}
class FreshnessFact {}

/** A manager that records the statements and their rows instead of running them. */
function recordingManager() {
  const statements: { sql: string; rows: Record<string, unknown>[] }[] = [];
  const manager = {
    connection: { getMetadata: (entity: unknown) => ({ tablePath: entity === CountFact ? '"m"."count_fact"' : '"m"."freshness"' }) },
    query: async (sql: string, [json]: [string]) => {
      statements.push({ sql, rows: JSON.parse(json) });
      return [];
    },
  } as unknown as EntityManager;
  return { manager, statements };
}

const COUNTS: FactTable<{ id: string; n: number }> = {
  entity: CountFact,
  columns: [column('id', 'text', (row) => row.id), column('n', 'integer', (row) => row.n)],
  key: (row) => row.id,
  onConflict: 'ON CONFLICT (id) DO NOTHING',
};

const FRESHNESS: FactTable<{ topic: string; at: number }> = {
  entity: FreshnessFact,
  columns: [column('topic', 'text', (row) => row.topic), column('at', 'integer', (row) => row.at)],
  key: (row) => row.topic,
  onConflict: 'ON CONFLICT (topic) DO UPDATE SET at = GREATEST(t.at, EXCLUDED.at)',
  fold: (a, b) => (b.at > a.at ? b : a),
  hot: true,
};

describe('fact upserts', () => {
  it('writes many rows in one statement, a repeated key in a later one, each sorted by key', async () => {
    const { manager, statements } = recordingManager();
    await upsertFacts(manager, COUNTS, [{ id: 'b', n: 1 }, { id: 'a', n: 2 }, { id: 'b', n: 3 }, { id: 'c', n: 4 }]);
    expect(statements.map((statement) => statement.rows)).toEqual([
      [{ id: 'a', n: 2 }, { id: 'b', n: 1 }, { id: 'c', n: 4 }],
      [{ id: 'b', n: 3 }],
    ]);
    expect(statements[0].sql).toBe(
      'INSERT INTO "m"."count_fact" AS t (id, n) SELECT id, n FROM json_to_recordset($1::json) AS r(id text, n integer) ON CONFLICT (id) DO NOTHING',
    );
  });

  it('folds a repeated key where the table says how, so a batch sends one row per key', async () => {
    const { manager, statements } = recordingManager();
    await upsertFacts(manager, FRESHNESS, [{ topic: 't', at: 1 }, { topic: 't', at: 3 }, { topic: 't', at: 2 }]);
    expect(statements.map((statement) => statement.rows)).toEqual([[{ topic: 't', at: 3 }]]);
  });

  it('writes at once for the live consumer, and gathers for a batch, flushed with the hot tables last', async () => {
    const { manager, statements } = recordingManager();
    const live = { manager } as HandlerContext;
    await writeFacts(live, COUNTS, [{ id: 'a', n: 1 }]);
    expect(statements).toHaveLength(1);

    const batch = new FactBatch();
    const batched = batchedContext(live, batch);
    await writeFacts(batched, FRESHNESS, [{ topic: 't', at: 1 }]);
    await writeFacts(batched, COUNTS, [{ id: 'b', n: 1 }]);
    await writeFacts(batched, COUNTS, [{ id: 'c', n: 1 }]);
    expect(statements).toHaveLength(1);
    expect(batch.size).toBe(3);
    await batch.flush(manager);
    expect(statements.slice(1).map((statement) => statement.sql.split(' ')[2])).toEqual(['"m"."count_fact"', '"m"."freshness"']);
    expect(statements[1].rows).toEqual([{ id: 'b', n: 1 }, { id: 'c', n: 1 }]);
    expect(batch.size).toBe(0);
  });
});
