import { DataSource, type MixedList } from 'typeorm';
import { MESSAGING_ENTITIES } from '@napl/messaging';
import { prepareServiceDatabase, runServiceMigrations, serviceDataSourceOptions } from '@napl/persistence';

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
