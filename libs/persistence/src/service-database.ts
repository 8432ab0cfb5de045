import { Client } from 'pg';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/** Each service owns one Postgres schema, named after it, and one database role. */
export function schemaOf(service: string): string {
  return service.replace(/-/g, '_');
}

export function roleOf(service: string): string {
  return `napl_${schemaOf(service)}`;
}

export interface ServiceDatabaseSettings {
  readonly service: string;
  /**
   * With bootstrap on: a URL with the rights to create the database, the role and the schema; the service
   * then connects as its own role. With bootstrap off: the service's own URL, used as it is.
   */
  readonly databaseUrl: string;
  readonly bootstrap: boolean;
  /** Password of the service's role, where the server asks for one. */
  readonly rolePassword?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Creates the database, the service's role and its schema where they do not exist yet. Serialised with an
 * advisory lock, because every service runs this at start-up at the same moment.
 */
export async function prepareServiceDatabase(settings: ServiceDatabaseSettings): Promise<void> {
  if (!settings.bootstrap) return;
  const url = new URL(settings.databaseUrl);
  const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const schema = schemaOf(settings.service);
  const role = roleOf(settings.service);

  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenanceUrl.toString() });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['napl:bootstrap']);
    const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (database.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
    const existingRole = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (existingRole.rowCount === 0) await admin.query(`CREATE ROLE ${quoteIdentifier(role)} LOGIN`);
    if (settings.rolePassword) {
      await admin.query(`ALTER ROLE ${quoteIdentifier(role)} PASSWORD ${escapeLiteral(admin, settings.rolePassword)}`);
    }
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', ['napl:bootstrap']);
  } finally {
    await admin.end();
  }

  const inDatabase = new Client({ connectionString: url.toString() });
  await inDatabase.connect();
  try {
    await inDatabase.query('SELECT pg_advisory_lock(hashtext($1))', [`napl:bootstrap:${schema}`]);
    await inDatabase.query(
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)} AUTHORIZATION ${quoteIdentifier(role)}`,
    );
    // Another service's role can neither read nor write here.
    await inDatabase.query(`REVOKE ALL ON SCHEMA ${quoteIdentifier(schema)} FROM PUBLIC`);
  } finally {
    await inDatabase.end();
  }
}

function escapeLiteral(client: Client, value: string): string {
  return client.escapeLiteral(value);
}

/** The URL the service itself connects with: as its own role when the platform bootstraps the database. */
export function serviceConnectionUrl(settings: ServiceDatabaseSettings): string {
  if (!settings.bootstrap) return settings.databaseUrl;
  const url = new URL(settings.databaseUrl);
  url.username = roleOf(settings.service);
  url.password = settings.rolePassword ?? '';
  return url.toString();
}

export interface ServiceDataSourceSettings extends ServiceDatabaseSettings {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  readonly poolSize?: number;
}

/**
 * TypeORM options for one service: its own schema and migrations table, never `synchronize`.
 * Migrations never run through TypeORM's `migrationsRun` flag: always through runServiceMigrations, under the
 * schema's migration lock, at start-up or by the service's migrate command.
 */
export function serviceDataSourceOptions(settings: ServiceDataSourceSettings): DataSourceOptions {
  const schema = schemaOf(settings.service);
  return {
    type: 'postgres',
    url: serviceConnectionUrl(settings),
    schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Unqualified names in raw SQL resolve to the service's own schema.
    extra: { max: settings.poolSize ?? 10, options: `-c search_path=${schema}` },
  };
}
