import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { consumerGroupOf, rebuildGroupOf } from '@napl/messaging';
import { MONITORING_SERVICE } from '../monitoring.description';
import type { MonitoringConfig } from '../monitoring.config';
import { EventHandlerMethods } from './application/event-handler-methods';
import { RebuildRuns } from './application/rebuild-runs.query';
import { REBUILD_OPTIONS, type RebuildOptions } from './application/rebuild-settings';
import { StartRebuild } from './application/start-rebuild';
import { RebuildsController } from './http/rebuilds.controller';
import { rebuildSchemasOf } from './infrastructure/rebuild-schemas';

/** The settings of a rebuild, from the service's: the same Kafka connection, groups and database rights as the live consumer. */
export function rebuildOptionsOf(config: MonitoringConfig): RebuildOptions {
  const service = MONITORING_SERVICE.service;
  // As PlatformModule names the live group, and as the broker's ACLs name both: the topic prefix keeps test runs apart.
  const liveGroupId = `${config.KAFKA_TOPIC_PREFIX}${consumerGroupOf(service)}`;
  return {
    connection: { clientId: `napl-${service}-rebuild`, brokers: config.kafkaBrokers, topicPrefix: config.KAFKA_TOPIC_PREFIX, ...config.kafkaSecurity },
    liveGroupId,
    rebuildGroupId: `${config.KAFKA_TOPIC_PREFIX}${rebuildGroupOf(service)}`,
    schemas: rebuildSchemasOf(service),
    rights: { service, databaseUrl: config.DATABASE_URL, bootstrap: config.DATABASE_BOOTSTRAP },
    concurrency: config.REBUILD_CONCURRENCY,
  };
}

/** Rebuilding every read model from the start of the topics while the live figures go on being served. */
@Module({})
export class RebuildModule {
  static forRoot(config: MonitoringConfig): DynamicModule {
    return {
      module: RebuildModule,
      imports: [DiscoveryModule],
      controllers: [RebuildsController],
      providers: [{ provide: REBUILD_OPTIONS, useValue: rebuildOptionsOf(config) }, EventHandlerMethods, StartRebuild, RebuildRuns],
      exports: [StartRebuild],
    };
  }
}
