import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** What one call of runServiceMigrations did. */
export interface MigrationRun {
  /** The migrations this call ran, in order; empty when another instance had already run them. */
  readonly ran: string[];
  /** Whether another instance held the migration lock when this one asked for it. */
  readonly waited: boolean;
}

/** The advisory lock (hashed to a number by Postgres' hashtext) that serialises the migrations of one schema. */
export function migrationLockKey(schema: string): string {
  return `napl:migrations:${schema}`;
}

/**
 * Runs the pending migrations of a service's schema, one instance at a time: replicas that start together
 * all call this, the first takes the lock and migrates, the others wait and then find nothing left to do.
 * The lock is a session-level advisory lock on a connection of its own, outside the DataSource's pool (so a
 * pool of one cannot deadlock); it is released in `finally`, and by Postgres if the process dies mid-way.
 * Each migration runs in its own transaction, so a failure leaves the ones before it applied and recorded.
 */
export async function runServiceMigrations(dataSource: DataSource, log: (line: string) => void = () => undefined): Promise<MigrationRun> {
  const options = postgresOptionsOf(dataSource);
  const schema = options.schema ?? 'public';
  const key = migrationLockKey(schema);
  const lock = new Client({
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    // TypeORM passes its TLS options to pg as they are; only their declared types differ.
    ssl: options.ssl as ClientConfig['ssl'],
    application_name: `napl migrations of ${schema}`,
  });
  await lock.connect();
  try {
    const attempt = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    const waited = !attempt.rows[0].locked;
    if (waited) {
      log(`migrations of ${schema}: another instance is migrating; waiting for it`);
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    }
    try {
      const ran = (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
      log(ran.length > 0 ? `migrations of ${schema}: ran ${ran.join(', ')}` : `migrations of ${schema}: none pending`);
      return { ran, waited };
    } finally {
      // Ending the session below releases the lock as well; this only makes it prompt.
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    }
  } finally {
    await lock.end().catch(() => undefined);
  }
}

/**
 * The migrations of the DataSource's list that its schema has not recorded yet, without writing anything (TypeORM's
 * own check creates the migrations table, which two starting replicas would race for).
 */
export async function pendingServiceMigrations(dataSource: DataSource): Promise<string[]> {
  const options = postgresOptionsOf(dataSource);
  const { driver } = dataSource;
  const table = `${driver.escape(options.schema ?? 'public')}.${driver.escape(options.migrationsTableName ?? 'migrations')}`;
  const [{ exists }] = await dataSource.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS "exists"', [table]);
  const applied = new Set<string>(exists ? (await dataSource.query<{ name: string }[]>(`SELECT name FROM ${table}`)).map((row) => row.name) : []);
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !applied.has(name));
}

function postgresOptionsOf(dataSource: DataSource): PostgresConnectionOptions {
  if (dataSource.options.type !== 'postgres') throw new Error(`Service migrations need Postgres, not ${dataSource.options.type}`);
  return dataSource.options;
}
