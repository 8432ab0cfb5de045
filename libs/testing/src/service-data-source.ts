import { DataSource, type MixedList } from 'typeorm';
import { MESSAGING_ENTITIES, MessagingTablesMigration, OutboxDeliveryMigration } from '@napl/messaging';
import { prepareServiceDatabase, runServiceMigrations, serviceDataSourceOptions } from '@napl/persistence';

/**
 * The messaging tables (outbox, inbox, failures) as a service's migrations build them, for a test's own schema: a
 * stand-in for another service's outbox, or a probe service. Extend the list as the messaging lib adds migrations.
 */
export const MESSAGING_TEST_MIGRATIONS = [
  class MessagingTables1764050000000 extends MessagingTablesMigration {},
  class OutboxDelivery1796100000000 extends OutboxDeliveryMigration {},
];

/** A migrated DataSource for a service's schema, without the rest of the service (for lib-level tests). */
export async function openServiceDataSource(
  service: string,
  databaseUrl: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>,
): Promise<DataSource> {
  const settings = { service, databaseUrl, bootstrap: true };
  await prepareServiceDatabase(settings);
  const dataSource = new DataSource(
    serviceDataSourceOptions({ ...settings, entities: [...MESSAGING_ENTITIES, ...entities], migrations }),
  );
  await dataSource.initialize();
  await runServiceMigrations(dataSource);
  return dataSource;
}
