import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from '@napl/service-kit';

export class EnrolmentsConfig extends ServiceConfig {
  override PORT = 3104;

  /** How often participations of runs that have begun are started; 0 turns it off (tests drive it themselves). */
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  PARTICIPATION_SCHEDULER_INTERVAL_MS: number = 60_000;
}
