import type { TestInfra } from './test-infra';

/**
 * Postgres and Kafka in containers, for machines with a Docker engine. Returns undefined when no engine
 * answers and `required` is false (NAPL_TEST_INFRA=auto falls back to the local servers).
 */
export async function startContainers(required: boolean): Promise<TestInfra | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    if (required) throw new Error(`NAPL_TEST_INFRA=containers, but no container runtime answers: ${(error as Error).message}`);
    return undefined;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.1').withKraft().start(),
  ]);
  // Containers stop with the test process (testcontainers' reaper).
  return {
    adminDatabaseUrl: `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`,
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
  };
}
