import { applyDecorators } from '@nestjs/common';
import { IsDefined, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { isCalendarDate, isTimestamp } from '@napl/domain';

// The platform's own property decorators for request DTOs. Lint refuses class-validator's @IsOptional,
// @IsISO8601 and @IsDateString in services: each lets through a value the code behind it cannot handle.

export const NULL_REFUSED_MESSAGE = 'mag niet null zijn; laat het veld weg als het geen waarde heeft';

/**
 * The property may be absent; when present it is validated, null included, so null is refused (class-validator's
 * @IsOptional skips null as well as undefined, and the code then meets a null it does not expect).
 */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: NULL_REFUSED_MESSAGE }),
  );
}

/**
 * The property may be absent or null (null clears the value, e.g. no location for an online run); any other value
 * is validated. Only for fields the code really takes as nullable: its type says `| null`.
 */
export function OptionalOrNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
}

export const CALENDAR_DATE_MESSAGE = 'moet een bestaande datum zijn (JJJJ-MM-DD)';
export const TIMESTAMP_MESSAGE = 'moet een tijdstip zijn met datum, tijd en tijdzone, bijvoorbeeld 2027-01-20T23:59:00+01:00';

/** A calendar date YYYY-MM-DD that exists; the only date form the code reads. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value), defaultMessage: () => CALENDAR_DATE_MESSAGE },
    },
    options,
  );
}

/** An RFC 3339 timestamp with offset (2027-01-20T23:59:00+01:00 or …Z); the only timestamp form the code reads. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimestamp(value), defaultMessage: () => TIMESTAMP_MESSAGE },
    },
    options,
  );
}
