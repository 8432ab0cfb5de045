import { QueryFailedError } from 'typeorm';
import { StatementError } from '../../statements/domain/statement.errors';
import { ClaimError } from '../domain/claim.errors';
import { moneyGuardError } from './claim-store';

/** What Postgres reports when one of its guards refuses a write, as the pg driver hands it on. */
function refused(code: string, constraint: string, detail = ''): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code, constraint, detail }));
}

describe('the database\'s money guards, said as the API says them', () => {
  it('names the line whose enrolment a concurrent claim got first (the claimed-once index)', () => {
    const enrolmentId = '6f1c2a9e-3b8d-4c1e-9a7f-2d5e8b0c4a11';
    const error = moneyGuardError(refused('23505', 'claim_line_claimed_once', `Key (enrolment_id)=(${enrolmentId}) already exists.`), [
      { lineNo: 1, enrolmentId: '00000000-0000-4000-8000-000000000001' },
      { lineNo: 7, enrolmentId },
    ]);
    expect(error).toBeInstanceOf(ClaimError);
    expect(error).toMatchObject({ code: 'LINE_ALREADY_CLAIMED', kind: 'conflict', message: `Regel 7 (inschrijving ${enrolmentId}) staat al in een andere declaratie.` });
  });

  it('turns the budget and statement guards into conflicts, and leaves other errors alone', () => {
    expect(moneyGuardError(refused('23514', 'ledger_entry_within_budget'))).toMatchObject({ code: 'BUDGET_EXCEEDED', kind: 'conflict' });
    expect(moneyGuardError(refused('23514', 'statement_item_only_while_open'))).toBeInstanceOf(StatementError);
    const other = refused('23505', 'some_other_index');
    expect(moneyGuardError(other)).toBe(other);
    const plain = new Error('boom');
    expect(moneyGuardError(plain)).toBe(plain);
  });
});
