import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';
import { ServiceConfig } from '@napl/service-kit';

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class QualityConfig extends ServiceConfig {
  override PORT = 3102;

  /** How long a quality mark is valid after the decision (the registers use three to six years). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(120)
  QUALITY_MARK_VALIDITY_MONTHS: number = 36;

  /** Four eyes: a second, different assessor confirms a decision before it takes effect. */
  @Transform(toBoolean)
  @IsBoolean()
  QUALITY_FOUR_EYES: boolean = false;

  /** An offer whose evaluation average (1-5) falls below this is assessed again. */
  @Transform(toNumber)
  @IsNumber()
  @Min(1)
  @Max(5)
  QUALITY_EVALUATION_THRESHOLD: number = 3;

  /** Responses needed before the average counts; fewer say too little. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  QUALITY_EVALUATION_MIN_RESPONSES: number = 10;

  /** How often the scheduler looks for marks past their end. */
  @Transform(toNumber)
  @IsInt()
  @Min(1000)
  QUALITY_MARK_EXPIRY_INTERVAL_MS: number = 60_000;
}
