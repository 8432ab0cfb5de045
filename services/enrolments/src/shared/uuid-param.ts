import { Param, ParseUUIDPipe } from '@nestjs/common';
import { EnrolmentError } from '../enrolments/domain/enrolment.errors';

/** A path parameter that must be a UUID; otherwise a 400 with a Dutch message (Nest's own is English). */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => new EnrolmentError('INVALID_INPUT', 'invalid', `${name} moet een UUID zijn.`) }),
  );
