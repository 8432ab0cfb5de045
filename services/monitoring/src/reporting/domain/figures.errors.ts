import { DomainError, type ErrorKind } from '@napl/domain';

export type FiguresErrorCode = 'TABLE_NOT_FOUND';

/** A request for figures that cannot be answered; the message is Dutch and shown to the user. */
export class FiguresError extends DomainError<FiguresErrorCode> {
  constructor(code: FiguresErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
