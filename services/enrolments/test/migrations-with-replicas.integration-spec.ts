import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DevIssuer } from '@napl/auth';
import { MESSAGING_ENTITIES } from '@napl/messaging';
import { migrationLockKey, prepareServiceDatabase, runServiceMigrations, schemaOf, serviceDataSourceOptions } from '@napl/persistence';
import { dropTestDatabase, eventually, newTestDatabaseUrl, startTestService, testInfraFromEnv, type TestService } from '@napl/testing';
import { ENTITIES, MIGRATIONS } from '../src/database/schema';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';

const SERVICE = ENROLMENTS_SERVICE.service;
const SCHEMA = schemaOf(SERVICE);
const LOCK_KEY = migrationLockKey(SCHEMA);
const ALL_MIGRATIONS = MIGRATIONS.map((migration) => migration.name);
const ROOT = join(__dirname, '..', '..', '..');

/**
 * Replicas of a service that start at the same moment against a schema with migrations pending: one migrates, the
 * others wait for it under the schema's advisory lock and then find nothing left to do; each migration runs once.
 */
describe('migrations when replicas start together', () => {
  const databases: string[] = [];
  const running: TestService<EnrolmentsConfig>[] = [];

  function emptyDatabase(): string {
    const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'replicas');
    databases.push(databaseUrl);
    return databaseUrl;
  }

  async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<TestService<EnrolmentsConfig>> {
    const instance = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      databaseUrl,
      env: { PARTICIPATION_SCHEDULER_INTERVAL_MS: '0', ...env },
    });
    running.push(instance);
    return instance;
  }

  /** Each recorded migration with how often it was recorded, in the order they ran. */
  async function recordedMigrations(db: Client): Promise<{ name: string; times: number }[]> {
    const result = await db.query<{ name: string; times: number }>(
      `SELECT name, count(*)::int AS times FROM "${SCHEMA}"."migrations" GROUP BY name ORDER BY min(id)`,
    );
    return result.rows;
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map((instance) => instance.close()));
  });

  afterAll(async () => {
    for (const databaseUrl of databases) await dropTestDatabase(databaseUrl);
  });

  it('lets one of two starting instances migrate while the other waits for the lock, then both run', async () => {
    const databaseUrl = emptyDatabase();
    await prepareServiceDatabase({ service: SERVICE, databaseUrl, bootstrap: true });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // The test holds the migration lock first, as an instance in the middle of migrating would.
      await db.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_KEY]);
      const starting = [startInstance(databaseUrl), startInstance(databaseUrl)];
      starting.forEach((instance) => instance.catch(() => undefined)); // awaited below; a failure must not go unhandled meanwhile

      const waiting = async (): Promise<number> => {
        const result = await db.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND objid::bigint = (hashtext($1)::bigint & 4294967295)`,
          [LOCK_KEY],
        );
        return result.rows[0].waiting;
      };
      await eventually(async () => ((await waiting()) === 2 ? true : undefined), 90_000, 'both instances waiting for the migration lock');
      // Neither migrated around the lock: not even the migrations table exists yet.
      expect((await db.query(`SELECT to_regclass('"${SCHEMA}"."migrations"') AS "table"`)).rows[0].table).toBeNull();

      await db.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
      const instances = await Promise.all(starting);

      for (const instance of instances) await instance.http().get('/health').expect(200);
      expect(await recordedMigrations(db)).toEqual(ALL_MIGRATIONS.map((name) => ({ name, times: 1 })));
    } finally {
      await db.end();
    }
  }, 180_000);

  it('runs every migration exactly once when two instances migrate an empty schema at the same moment', async () => {
    const databaseUrl = emptyDatabase();
    const settings = { service: SERVICE, databaseUrl, bootstrap: true };
    await prepareServiceDatabase(settings);
    const instances = [1, 2].map(
      () => new DataSource(serviceDataSourceOptions({ ...settings, entities: [...MESSAGING_ENTITIES, ...ENTITIES], migrations: MIGRATIONS })),
    );
    await Promise.all(instances.map((instance) => instance.initialize()));
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const runs = await Promise.all(instances.map((instance) => runServiceMigrations(instance)));

      // One ran them all; the other found none left, whichever came second.
      expect(runs.map((run) => run.ran).sort((a, b) => b.length - a.length)).toEqual([ALL_MIGRATIONS, []]);
      expect(await recordedMigrations(db)).toEqual(ALL_MIGRATIONS.map((name) => ({ name, times: 1 })));
    } finally {
      await db.end();
      await Promise.all(instances.map((instance) => instance.destroy()));
    }
  }, 60_000);

  it('refuses to start with migrations pending when they do not run at start, and starts once the migrate command ran them', async () => {
    const databaseUrl = emptyDatabase();
    const keysDir = mkdtempSync(join(tmpdir(), 'napl-migrate-keys-'));
    try {
      await expect(startInstance(databaseUrl, { DATABASE_MIGRATE_ON_START: 'false' })).rejects.toThrow(
        new RegExp(`pending migrations: ${ALL_MIGRATIONS.join(', ')}; run the migrate command`),
      );

      await DevIssuer.fromDirectory(keysDir); // the command builds the service's module, which reads the issuer's keys
      const migrate = await runMigrateCommand({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, AUTH_DEV_KEYS_DIR: keysDir });
      expect(migrate).toMatchObject({ code: 0, output: expect.stringContaining(`migrations of ${SCHEMA}: ran ${ALL_MIGRATIONS.join(', ')}`) });
      const again = await runMigrateCommand({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, AUTH_DEV_KEYS_DIR: keysDir });
      expect(again).toMatchObject({ code: 0, output: expect.stringContaining(`migrations of ${SCHEMA}: none pending`) });

      const instance = await startInstance(databaseUrl, { DATABASE_MIGRATE_ON_START: 'false' });
      await instance.http().get('/health').expect(200);
    } finally {
      rmSync(keysDir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** `node services/enrolments/src/main.ts migrate`, the way the db:migrate target runs it (through ts-node here). */
function runMigrateCommand(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('services', SERVICE, 'src', 'main.ts'), 'migrate'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
