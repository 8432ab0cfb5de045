/**
 * Writes a migration with the SQL that brings a service's schema in line with its entities:
 *   npm run db:generate -- <service> <name>
 * It migrates a scratch database first, so the result is exactly what the entities add. Add the new class
 * to the service's src/database/schema.ts MIGRATIONS.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES } from '@napl/messaging';
import { prepareServiceDatabase, serviceDataSourceOptions } from '@napl/persistence';
import { dropTestDatabase, LOCAL_DATABASE_URL, newTestDatabaseUrl } from '@napl/testing';

async function main(): Promise<void> {
  const [service, name] = process.argv.slice(2);
  if (!service || !name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error('usage: generate-migration <service> <kebab-case-name>');
  }
  const root = join(__dirname, '..', '..', 'services', service, 'src', 'database');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require(join(root, 'schema.ts'));
  const databaseUrl = newTestDatabaseUrl({ adminDatabaseUrl: process.env.DATABASE_URL ?? LOCAL_DATABASE_URL, kafkaBrokers: [] }, 'gen');
  const settings = { service, databaseUrl, bootstrap: true };
  await prepareServiceDatabase(settings);
  const dataSource = new DataSource(
    serviceDataSourceOptions({ ...settings, entities: [...MESSAGING_ENTITIES, ...schema.ENTITIES], migrations: schema.MIGRATIONS }),
  );
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${service}: entities and migrations agree; nothing to generate`);
      return;
    }
    const timestamp = Date.now();
    const className = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + timestamp;
    const lines = (queries: { query: string }[]): string =>
      queries.map((q) => `    await queryRunner.query(\`${q.query.replace(/[`\\$]/g, (c) => `\\${c}`)}\`);`).join('\n');
    const file = join(root, 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
    );
    console.log(`${service}: wrote ${file}; add ${className} to MIGRATIONS in src/database/schema.ts`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
