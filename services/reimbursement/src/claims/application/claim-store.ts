import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { visibleOrNotFound } from '@napl/service-kit';
import { StatementError } from '../../statements/domain/statement.errors';
import type { LineState } from '../domain/claim';
import { ClaimError, claimNotFound } from '../domain/claim.errors';
import { ClaimLineEntity } from '../infrastructure/claim-line.entity';
import { ClaimEntity } from '../infrastructure/claim.entity';

/** A region's user acts for its own region only; a token without one names none. */
export function regionOf(principal: Principal): string {
  if (!principal.regionId) throw new ClaimError('NO_REGION', 'forbidden', 'Uw account hoort bij geen onderwijsregio.');
  return principal.regionId;
}

/** The ministry and admins see every claim; a region only its own (another region's answers as missing). */
export function mayReadClaim(principal: Principal, claim: Pick<ClaimEntity, 'regionId'>): boolean {
  return hasRole(principal, 'ministry', 'admin') || (principal.regionId !== undefined && principal.regionId === claim.regionId);
}

/** The claim, locked for the rest of the transaction: one submission, decision or amendment at a time. */
export async function lockClaim(manager: EntityManager, claimId: string, principal: Principal): Promise<ClaimEntity> {
  const claim = await manager.findOne(ClaimEntity, { where: { claimId }, lock: { mode: 'pessimistic_write' } });
  return visibleOrNotFound(claim, (found) => mayReadClaim(principal, found), claimNotFound);
}

export interface LineRow {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly amountCents: number;
  readonly budgetYear: number;
  readonly ruleVersion: number;
  readonly state: LineState;
  readonly decisionReason: string | null;
  readonly paymentState: string;
}

export async function linesOf(manager: EntityManager, claimId: string): Promise<LineRow[]> {
  const lines = await manager.find(ClaimLineEntity, { where: { claimId }, order: { lineNo: 'ASC' } });
  return lines.map((line) => ({ ...line, state: line.state as LineState }));
}

/** Sets lines' state and reason in one statement, however many there are. */
export async function setLineStates(manager: EntityManager, claimId: string, changes: readonly { lineNo: number; state: LineState; reason: string | null }[]): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `UPDATE claim_line l SET state = u.state, decision_reason = u.reason
       FROM unnest($2::int[], $3::text[], $4::text[]) AS u(line_no, state, reason)
      WHERE l.claim_id = $1 AND l.line_no = u.line_no`,
    [claimId, changes.map((change) => change.lineNo), changes.map((change) => change.state), changes.map((change) => change.reason)],
  );
}

const ENROLMENT_IN_KEY = /\(enrolment_id\)=\(([0-9a-f-]{36})\)/i;

/**
 * What the database refused, said the way the API says it: the unique index on claimed enrolments (a concurrent claim
 * of the same enrolment got there first), the ledger's budget guard, and the statements' guards. Anything else is
 * passed on unchanged.
 */
export function moneyGuardError(error: unknown, lines: readonly { lineNo: number; enrolmentId: string }[] = []): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driver.code === '23505' && driver.constraint === 'claim_line_claimed_once') {
    const enrolmentId = ENROLMENT_IN_KEY.exec(driver.detail ?? '')?.[1];
    const line = lines.find((candidate) => candidate.enrolmentId === enrolmentId);
    const which = line ? `Regel ${line.lineNo} (inschrijving ${line.enrolmentId})` : enrolmentId ? `Inschrijving ${enrolmentId}` : 'Een inschrijving';
    return new ClaimError('LINE_ALREADY_CLAIMED', 'conflict', `${which} staat al in een andere declaratie.`, {
      lines: line ? [{ lineNo: line.lineNo, enrolmentId: line.enrolmentId, reason: 'ALREADY_REIMBURSED' }] : [],
    });
  }
  if (driver.code === '23514' && driver.constraint === 'ledger_entry_within_budget') {
    return new ClaimError('BUDGET_EXCEEDED', 'conflict', 'Hiermee zou het budget van de regio voor dit jaar worden overschreden.');
  }
  if (driver.code === '23514' && (driver.constraint === 'statement_item_only_while_open' || driver.constraint === 'statement_never_reopened')) {
    return new StatementError('STATEMENT_CLOSED', 'conflict', 'Dit betaaloverzicht is niet meer open en kan niet meer worden gewijzigd; een correctie komt op het volgende open overzicht.');
  }
  return error;
}
