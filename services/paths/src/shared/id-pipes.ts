import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { PathError } from '../paths/domain/path.errors';

/** An id that is not a UUID cannot name anything: 404 with a Dutch message (and never a database error). */
export const pathIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new PathError('PATH_NOT_FOUND', 'not-found', 'Dit ontwikkelpad bestaat niet.') });

/** A version number is a small positive integer; anything else (also 1e20, which the database cannot hold) names none. */
export const versionPipe: PipeTransform<string, number> = {
  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw new PathError('VERSION_NOT_FOUND', 'not-found', 'Deze versie van het ontwikkelpad bestaat niet.');
    return Number(value);
  },
};
