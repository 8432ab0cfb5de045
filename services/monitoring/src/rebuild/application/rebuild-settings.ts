import type { KafkaConnection } from '@napl/messaging';
import type { RebuildSchemas, SchemaRights } from '../infrastructure/rebuild-schemas';

/** What a rebuild needs of the service's settings (built once from the config in RebuildModule.forRoot). */
export interface RebuildOptions {
  readonly connection: KafkaConnection;
  readonly liveGroupId: string;
  readonly rebuildGroupId: string;
  readonly schemas: RebuildSchemas;
  readonly rights: SchemaRights;
  readonly concurrency?: number;
  readonly reportIntervalMs?: number;
}

export const REBUILD_OPTIONS = Symbol('REBUILD_OPTIONS');

/** A running run that has not renewed its heartbeat for this long is taken as abandoned (its process stopped). */
export const ABANDONED_AFTER_SECONDS = 30;
