import { deleteTopicsWithPrefix, freePort, newTopicPrefix } from '@napl/testing';
import { startGateway, startServiceProcess, type GatewayProcess, type ServiceProcess } from './gateway-process';

/** Every service the gateway routes to, in the order they start (the first ones create what later ones need). */
export const PLATFORM_SERVICES = ['catalogue', 'quality', 'enrolments', 'paths', 'reimbursement', 'monitoring'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

/** The whole platform behind the gateway: every service compiled, as its own process, on one database and topic prefix. */
export interface PlatformProcesses {
  readonly gateway: GatewayProcess;
  readonly services: Record<PlatformService, ServiceProcess>;
  /** Every process's output, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the gateway (which makes the scratch database and the key pair) and then every service behind it, sharing
 * one topic prefix so their events reach each other, as the start command runs them. The gateway itself publishes
 * and consumes nothing, so its own prefix does not matter. `gatewayEnv` adds settings of the gateway.
 */
export async function startPlatform(gatewayEnv: Record<string, string> = {}): Promise<PlatformProcesses> {
  const ports = Object.fromEntries(await Promise.all(PLATFORM_SERVICES.map(async (service) => [service, await freePort()] as const))) as Record<PlatformService, number>;
  const urls = Object.fromEntries(PLATFORM_SERVICES.map((service) => [`${service.toUpperCase()}_URL`, `http://127.0.0.1:${ports[service]}`]));
  const gateway = await startGateway({ ...urls, ...gatewayEnv });
  const topicPrefix = newTopicPrefix();
  const started: Partial<Record<PlatformService, ServiceProcess>> = {};
  const stop = async (): Promise<void> => {
    await Promise.all(Object.values(started).map((service) => service.stop()));
    await gateway.stop();
    await deleteTopicsWithPrefix(topicPrefix);
  };
  try {
    // Two at a time: two cores start Nest apps slowly anyway, and each service migrates its own schema.
    for (let next = 0; next < PLATFORM_SERVICES.length; next += 2) {
      await Promise.all(
        PLATFORM_SERVICES.slice(next, next + 2).map(async (service) => {
          started[service] = await startServiceProcess(service, ports[service], {
            DATABASE_URL: gateway.databaseUrl,
            // The service trusts the key pair the gateway signs its platform tokens with.
            AUTH_DEV_KEYS_DIR: gateway.keysDir,
            // One prefix for all (after the helper's own, which is per process).
            KAFKA_TOPIC_PREFIX: topicPrefix,
          });
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const services = started as Record<PlatformService, ServiceProcess>;
  return {
    gateway,
    services,
    output: () => [`gateway:\n${gateway.output.join('')}`, ...PLATFORM_SERVICES.map((service) => `${service}:\n${services[service].output.join('')}`)].join('\n'),
    stop,
  };
}
