import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  ValidationPipe,
  type ExceptionFilter,
  type ValidationError,
} from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorKind } from '@napl/domain';

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Niet-ondersteund formaat',
  422: 'Niet verwerkbaar',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

/** Dutch texts for the class-validator constraints the DTOs use; `$c` is the constraint's first argument. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  isDefined: 'is verplicht',
  isNotEmpty: 'mag niet leeg zijn',
  isString: 'moet tekst zijn',
  isInt: 'moet een geheel getal zijn',
  isNumber: 'moet een getal zijn',
  isBoolean: 'moet waar of onwaar zijn',
  isUuid: 'moet een UUID zijn',
  isEmail: 'moet een geldig e-mailadres zijn',
  isDateString: 'moet een datum of tijdstip in ISO 8601 zijn',
  isIso8601: 'moet een datum of tijdstip in ISO 8601 zijn',
  isCalendarDate: 'moet een bestaande datum zijn (JJJJ-MM-DD)',
  isTimestamp: 'moet een tijdstip zijn met datum, tijd en tijdzone, bijvoorbeeld 2027-01-20T23:59:00+01:00',
  isIn: 'heeft geen toegestane waarde',
  isEnum: 'heeft geen toegestane waarde',
  isArray: 'moet een lijst zijn',
  isObject: 'moet een object zijn',
  arrayMinSize: 'bevat te weinig elementen',
  arrayMaxSize: 'bevat te veel elementen',
  arrayUnique: 'bevat dubbele waarden',
  min: 'is te klein',
  max: 'is te groot',
  minLength: 'is te kort',
  maxLength: 'is te lang',
  matches: 'heeft niet het juiste formaat',
  isUrl: 'moet een geldige URL zijn',
  whitelistValidation: 'is geen bekend veld',
  nestedValidation: 'bevat ongeldige onderdelen',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, fallback]) =>
      // A message written in the DTO (Dutch) wins; else the Dutch text for the constraint.
      fallback && !fallback.includes(error.property) ? fallback : (CONSTRAINT_MESSAGES[name] ?? fallback),
    );
    const nested = flattenValidationErrors(error.children ?? [], `${field}.`);
    return own.length > 0 ? [{ field, messages: own }, ...nested] : nested;
  });
}

export class InputValidationException extends BadRequestException {
  constructor(readonly errors: { field: string; messages: string[] }[]) {
    super('De invoer is ongeldig.');
  }
}

/** Validates and converts every request body and query with the DTO's class-validator rules. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}

/**
 * Turns every error into an application/problem+json response with a Dutch message and a stable code.
 * Anything unexpected becomes a 500 without internals, and is logged.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // An event handler's error goes back unchanged to the event consumer, which retries or dead-letters it.
    if (host.getType() === 'rpc') return throwError(() => exception);
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception);
    // A deliberate 5xx (e.g. 503 from the readiness check) is a state, not a bug: no stack trace for it.
    if (problem.status >= 500 && exception instanceof HttpException) this.logger.warn(`${problem.status}: ${exception.message}`);
    else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  /** The response for an error; public for the tests of the mapping. */
  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = STATUS_BY_KIND[exception.kind as ErrorKind];
      return problem(status, exception.message, exception.code, exception.details);
    }
    if (exception instanceof InputValidationException) {
      return { ...problem(400, 'De invoer is ongeldig.', 'INVALID_INPUT'), errors: exception.errors };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
      // A platform exception may name its own stable code (e.g. PAYLOAD_TOO_LARGE from the body parsing).
      const code = typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : codeForStatus(status);
      return problem(status, dutchOr(status, message), code);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      // A concurrent request already stored the same thing; the caller may retry or read it back.
      if (code === '23505') return problem(409, 'Dit bestaat al of is tegelijk door een ander verzoek vastgelegd.', 'CONFLICT');
      // Bad text representation, out of range, bad date/time, and characters Postgres cannot store (NUL).
      if (['22P02', '22003', '22007', '22008', '22021', '22P05'].includes(code ?? '')) {
        return problem(400, 'Een waarde in het verzoek heeft een ongeldig formaat.', 'INVALID_INPUT');
      }
    }
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors of the HTTP layer, such as a body that is not valid JSON or too large.
      return problem(status, status === 413 ? 'Het verzoek is te groot.' : 'Het verzoek kon niet worden gelezen.', codeForStatus(status));
    }
    return problem(500, 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', 'INTERNAL_ERROR');
  }
}

function problem(status: number, detail: string, code: string, details?: Record<string, unknown>): ProblemDetails {
  return { type: 'about:blank', title: TITLES[status] ?? 'Fout', status, detail, code, ...(details ?? {}) };
}

function codeForStatus(status: number): string {
  return (
    { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'TOO_MANY_REQUESTS' }[status] ??
    `HTTP_${status}`
  );
}

/** Nest's own messages are English (e.g. "Cannot GET /x"); show the Dutch title's sentence instead. */
function dutchOr(status: number, message: string): string {
  if (status === 404 && message.startsWith('Cannot ')) return 'Deze route bestaat niet.';
  // Express cannot decode the path (a bad percent-encoding such as %FF): Nest passes the URIError's message on.
  if (status === 400 && /^(URI malformed|Failed to decode param)/.test(message)) return 'Het adres van het verzoek kon niet worden gelezen.';
  return message;
}
