import { QueryFailedError } from 'typeorm';
import { isTransientError, transientDelayMs, transientReason } from './transient-errors';

/** An error as node-postgres raises it for an error the server reported: a message and a SQLSTATE code. */
function pgError(code: string, message = 'server said so'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

/** A node-postgres error as TypeORM wraps it for a failed query. */
function queryFailed(driverError: Error): QueryFailedError {
  return new QueryFailedError('UPDATE run SET seats = seats - 1', [], driverError);
}

describe('transient errors: retried without counting towards dead-lettering', () => {
  it.each([
    ['40001', '40001 serialization_failure'],
    ['40P01', '40P01 deadlock_detected'],
    ['55P03', '55P03 lock_not_available'],
    ['57P01', '57P01 admin_shutdown'],
    ['57P02', '57P02 crash_shutdown'],
    ['57P03', '57P03 cannot_connect_now'],
    ['53300', '53300 too_many_connections'],
    ['08000', '08000 connection_exception'],
    ['08006', '08006 connection_exception'],
    ['08P01', '08P01 connection_exception'],
  ])('SQLSTATE %s, raw and wrapped in a QueryFailedError', (code, reason) => {
    expect(transientReason(pgError(code))).toBe(reason);
    expect(transientReason(queryFailed(pgError(code)))).toBe(reason);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])('the socket error %s', (code) => {
    const socketError = Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

    expect(transientReason(socketError)).toBe(code);
    expect(isTransientError(queryFailed(socketError))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('node-postgres losing its connection: %s', (message) => {
    expect(transientReason(new Error(message))).toBe(message);
    expect(isTransientError(queryFailed(new Error(message)))).toBe(true);
  });

  it('looks into error causes and AggregateErrors (a refused connection to a host with several addresses)', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')], 'connect failed');

    expect(transientReason(aggregate)).toBe('ECONNREFUSED');
    expect(transientReason(new Error('could not start the transaction', { cause: pgError('57P03') }))).toBe('57P03 cannot_connect_now');
  });

  it.each([
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation (23505)', queryFailed(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a check violation (23514)', queryFailed(pgError('23514'))],
    ['an undefined table (42P01)', queryFailed(pgError('42P01', 'relation "run" does not exist'))],
    ['a domain rule', new Error('the run is full')],
    ['a message that only mentions a connection', new Error('the Connection terminated flag was set on the offer')],
  ])('counts %s as a failed try', (_, error) => {
    expect(transientReason(error)).toBeUndefined();
    expect(isTransientError(error)).toBe(false);
  });

  it('is not fooled by values that are not errors, or by a cause that refers back to itself', () => {
    const loop: { message: string; cause?: unknown } = { message: 'loop' };
    loop.cause = loop;

    expect(isTransientError(undefined)).toBe(false);
    expect(isTransientError('ECONNRESET')).toBe(false);
    expect(isTransientError({ code: 40001 })).toBe(false);
    expect(isTransientError(loop)).toBe(false);
  });
});

describe('the wait between tries after a transient error', () => {
  it('doubles from 100 ms up to 5 s, and stays there however long the error lasts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 1_000].map((tryNumber) => transientDelayMs(tryNumber))).toEqual([
      100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000,
    ]);
  });

  it('follows the given backoff', () => {
    expect([1, 2, 3].map((tryNumber) => transientDelayMs(tryNumber, { initialDelayMs: 20, maxDelayMs: 50 }))).toEqual([20, 40, 50]);
  });
});
