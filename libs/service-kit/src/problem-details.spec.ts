import { BadRequestException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@napl/domain';
import { ProblemDetailsFilter } from './problem-details';

class ExampleError extends DomainError<'RUN_FULL'> {
  constructor() {
    super('RUN_FULL', 'conflict', 'De uitvoering is vol.');
  }
}

function databaseError(code: string): QueryFailedError {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error(`postgres ${code}`), { code }));
}

describe('ProblemDetailsFilter', () => {
  const filter = new ProblemDetailsFilter();

  it('answers a domain error with its kind, code and Dutch message', () => {
    expect(filter.toProblem(new ExampleError())).toMatchObject({ status: 409, code: 'RUN_FULL', detail: 'De uitvoering is vol.' });
  });

  it.each(['22P02', '22003', '22007', '22008', '22021', '22P05'])('answers the database refusing a value (%s) with 400, not 500', (code) => {
    expect(filter.toProblem(databaseError(code))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('answers a unique violation of concurrent requests with 409', () => {
    expect(filter.toProblem(databaseError('23505'))).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('hides the internals of an unexpected error behind a Dutch 500', () => {
    const problem = filter.toProblem(new Error('connection string postgres://secret'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('keeps the status of an HTTP error and gives it a Dutch title', () => {
    expect(filter.toProblem(new BadRequestException('bad'))).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
  });
});
