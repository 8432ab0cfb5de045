import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the schema match the entities. Empty when the migrations are complete;
 * the tests fail otherwise (the same check as a `migration:generate` that must yield nothing).
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query) => query.query);
}
