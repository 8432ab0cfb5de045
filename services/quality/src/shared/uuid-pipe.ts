import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Route ids are UUIDs; anything else is a Dutch 400 rather than a database error. */
export const uuidPipe = (what: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${what} moet een UUID zijn.`) });
