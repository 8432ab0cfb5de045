/** How a domain error maps to HTTP. */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unprocessable';

/**
 * A rule of the domain said no. Each feature subclasses it with its own code enum; the message is Dutch
 * and shown to the user; the code is stable for clients.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
