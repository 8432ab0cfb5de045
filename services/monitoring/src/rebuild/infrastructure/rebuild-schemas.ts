import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { roleOf, schemaOf } from '@napl/persistence';

/** The schemas of a rebuild: the fresh tables fill up in `shadow`; the tables they replace move to `retired`. */
export interface RebuildSchemas {
  readonly live: string;
  readonly shadow: string;
  readonly retired: string;
}

export function rebuildSchemasOf(service: string): RebuildSchemas {
  const live = schemaOf(service);
  return { live, shadow: `${live}_rebuild`, retired: `${live}_retired` };
}

/** Tables that belong to the service, not to the read models: they stay in the live schema when the tables switch. */
export const STAYS_LIVE = ['rebuild_run'] as const;

/** Names as TypeORM and the migrations make them (also upper case, e.g. IDX_…); always double-quoted. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}

export interface SchemaRights {
  readonly service: string;
  /** With bootstrap on, a URL that may create schemas (the service then connects as its own role). */
  readonly databaseUrl: string;
  readonly bootstrap: boolean;
}

/** The service's role lacks the right to create a schema in its database; say what to grant. */
export class RebuildSchemaRightsError extends Error {}

/**
 * Makes sure the shadow and retired schemas exist and belong to the service's role, as its own schema does: the role
 * then creates the fresh tables and moves tables between its three schemas with no right beyond owning them. With
 * bootstrap on, they are created with the bootstrap URL, like the service's schema; otherwise by the role itself,
 * which needs CREATE on the database once (or a DBA creates the two schemas for it).
 */
export async function ensureRebuildSchemas(live: DataSource, schemas: RebuildSchemas, rights: SchemaRights): Promise<void> {
  const names = [schemas.shadow, schemas.retired];
  const existing = new Set<string>((await live.query(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)`, [names])).map((row: { nspname: string }) => row.nspname));
  const missing = names.filter((name) => !existing.has(name));
  if (missing.length === 0) return;
  if (rights.bootstrap) {
    const admin = new Client({ connectionString: rights.databaseUrl });
    await admin.connect();
    try {
      for (const name of missing) {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoted(name)} AUTHORIZATION ${quoted(roleOf(rights.service))}`);
        await admin.query(`REVOKE ALL ON SCHEMA ${quoted(name)} FROM PUBLIC`);
      }
    } finally {
      await admin.end();
    }
    return;
  }
  try {
    for (const name of missing) await live.query(`CREATE SCHEMA IF NOT EXISTS ${quoted(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new RebuildSchemaRightsError(
      `the role may not create the schemas ${missing.join(', ')}: GRANT CREATE ON DATABASE to ${roleOf(rights.service)}, ` +
        `or create them with AUTHORIZATION ${roleOf(rights.service)}`,
    );
  }
}

/** Drops every table of a schema the service owns (fresh tables for a rebuild; the tables retired by the last one). */
export async function emptySchema(manager: EntityManager | DataSource, schema: string): Promise<void> {
  const tables: { tablename: string }[] = await manager.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [schema]);
  if (tables.length === 0) return;
  await manager.query(`DROP TABLE ${tables.map((t) => `${quoted(schema)}.${quoted(t.tablename)}`).join(', ')} CASCADE`);
}

/**
 * The live DataSource's entities and migrations on the shadow schema: the same migrations build the fresh tables, and
 * every fact function, which names its table through the entity metadata, writes there. Its commits need not wait for
 * the disk (synchronous_commit off): a rebuild cut short by a crash is started again from nothing.
 */
export function shadowDataSource(live: DataSource, schema: string, poolSize: number): DataSource {
  const options = live.options as PostgresConnectionOptions;
  return new DataSource({
    ...options,
    schema,
    extra: { ...(options.extra as object), max: poolSize, options: `-c search_path=${schema} -c synchronous_commit=off` },
  });
}

/**
 * Sets every table of the shadow schema unlogged (while empty: instant) or logged again (a rewrite that writes each
 * table to the WAL once). The rebuild fills its tables unlogged: millions of rows without a WAL record each, which
 * halves the database's work; a crash empties them, and a rebuild cut short starts again from nothing anyway. Before
 * they go live they are made logged, so the live tables are as durable as ever.
 */
export async function setShadowLogged(shadow: DataSource, schema: string, logged: boolean): Promise<void> {
  const tables: { tablename: string }[] = await shadow.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema]);
  // Each table on a connection of its own (as many at once as the pool has): the rewrites of the big ones overlap.
  await Promise.all(tables.map(({ tablename }) => shadow.query(`ALTER TABLE ${quoted(schema)}.${quoted(tablename)} SET ${logged ? 'LOGGED' : 'UNLOGGED'}`)));
}

/**
 * Drops the shadow schema's secondary indexes (neither unique nor a constraint's: the upserts need those) and returns
 * their definitions. Filling a table without them, and building them once at the end, is much cheaper than keeping
 * them up to date row by row.
 */
export async function dropSecondaryIndexes(shadow: DataSource, schema: string): Promise<string[]> {
  const indexes: { name: string; definition: string }[] = await shadow.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND NOT i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY 1`,
    [schema],
  );
  for (const { name } of indexes) await shadow.query(`DROP INDEX ${quoted(schema)}.${quoted(name)}`);
  return indexes.map((index) => index.definition);
}

/** Builds the indexes dropped by dropSecondaryIndexes again, each on a connection of its own. */
export async function createIndexes(shadow: DataSource, definitions: readonly string[]): Promise<void> {
  await Promise.all(definitions.map((definition) => shadow.query(definition)));
}

export interface SwitchRequest {
  readonly schemas: RebuildSchemas;
  /** The live consumer group: the rebuild recorded its inbox under it. */
  readonly groupId: string;
  /** When the rebuild began reading: the live consumer applied every event before then from offsets the rebuild read. */
  readonly since: Date;
  /** Written in the switch's own transaction. */
  readonly onSwitched: (manager: EntityManager) => Promise<void>;
}

/** Postgres' answer to a NOWAIT lock that another transaction holds. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Switches the live schema to the rebuilt tables in one transaction, if the rebuild has applied every event the live
 * consumer has. The live inbox is locked first: live event transactions (which record their event there first) wait.
 * Then every event the live consumer applied since the rebuild began must be in the rebuilt inbox; if one is not,
 * nothing changes and the rebuild reads on. Otherwise the live tables move to the retired schema and the rebuilt ones
 * take their place. The waiting live transactions then find the rebuilt tables by name (Postgres looks the name up
 * again after the wait), and the live consumer goes on from its own offsets: events the rebuild applied already are in
 * the rebuilt inbox under its group, so it passes over them.
 *
 * The tables are locked all at once without waiting: a figures request reads several tables in one transaction, and
 * a switch that waited for one of them while holding another would deadlock with it. When a request holds one, the
 * switch lets go of everything and tries again a moment later; requests wait at most for the moves, a few milliseconds.
 */
export async function switchToRebuilt(live: DataSource, request: SwitchRequest, tries = 50): Promise<{ switched: boolean; missing: number }> {
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    try {
      return await switchOnce(live, request);
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * attempt)));
    }
  }
  return { switched: false, missing: 0 };
}

async function switchOnce(live: DataSource, request: SwitchRequest): Promise<{ switched: boolean; missing: number }> {
  const { live: liveSchema, shadow, retired } = request.schemas;
  return live.transaction(async (manager) => {
    await manager.query(`SET LOCAL lock_timeout = '10s'`);
    await manager.query(`LOCK TABLE ${quoted(liveSchema)}.processed_event IN ACCESS EXCLUSIVE MODE`);
    const [{ missing }] = await manager.query(
      `SELECT count(*)::int AS missing FROM ${quoted(liveSchema)}.processed_event l
       WHERE l.consumer_group = $1 AND l.processed_at >= $2
         AND NOT EXISTS (SELECT 1 FROM ${quoted(shadow)}.processed_event r WHERE r.consumer_group = l.consumer_group AND r.event_id = l.event_id)`,
      [request.groupId, request.since],
    );
    if (missing > 0) return { switched: false, missing };
    const tablesOf = async (schema: string): Promise<string[]> =>
      ((await manager.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema])) as { tablename: string }[])
        .map((row) => row.tablename)
        .filter((table) => !(STAYS_LIVE as readonly string[]).includes(table));
    const liveTables = await tablesOf(liveSchema);
    const shadowTables = await tablesOf(shadow);
    const all = [...liveTables.map((table) => `${quoted(liveSchema)}.${quoted(table)}`), ...shadowTables.map((table) => `${quoted(shadow)}.${quoted(table)}`)];
    await manager.query(`LOCK TABLE ${all.join(', ')} IN ACCESS EXCLUSIVE MODE NOWAIT`);
    for (const table of liveTables) await manager.query(`ALTER TABLE ${quoted(liveSchema)}.${quoted(table)} SET SCHEMA ${quoted(retired)}`);
    for (const table of shadowTables) await manager.query(`ALTER TABLE ${quoted(shadow)}.${quoted(table)} SET SCHEMA ${quoted(liveSchema)}`);
    await request.onSwitched(manager);
    return { switched: true, missing: 0 };
  });
}
