import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@napl/service-kit';

export class MonitoringConfig extends ServiceConfig {
  override PORT = 3106;

  /** Partitions a rebuild of the read models applies at the same time, each batch in a transaction of its own. */
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(16)
  REBUILD_CONCURRENCY: number = 4;
}
