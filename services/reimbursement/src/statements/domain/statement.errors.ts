import { DomainError, type ErrorKind } from '@napl/domain';

export type StatementErrorCode = 'STATEMENT_NOT_FOUND' | 'STATEMENT_NOT_PAYABLE' | 'STATEMENT_CLOSED';

/** A rule of statements said no; the message is Dutch and shown to the user. */
export class StatementError extends DomainError<StatementErrorCode> {
  constructor(code: StatementErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const statementNotFound = () => new StatementError('STATEMENT_NOT_FOUND', 'not-found', 'Dit betaaloverzicht bestaat niet.');

/** A payable or paid statement is never edited: a correction goes on the next open one. */
export const statementClosed = (status: string) =>
  new StatementError('STATEMENT_CLOSED', 'conflict', `Dit betaaloverzicht is ${status === 'paid' ? 'betaald' : 'betaalbaar gesteld'} en kan niet meer worden gewijzigd; een correctie komt op het volgende open overzicht.`);
