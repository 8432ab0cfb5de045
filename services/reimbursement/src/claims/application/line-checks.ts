import type { EntityManager } from 'typeorm';
import { loadJudgements } from '../../eligibility/application/enrolment-judgements';
import { availableByYear, lockBudgets } from '../../ledger/application/ledger-store';
import { checkClaimLines, type AcceptedLine, type LineRefusal } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';

/**
 * Checks lines for committing money, as one claim: the budget rows of the lines' years are locked first, so the
 * judgements read after the lock see every claim committed before (their lines, caps and budget used), and claims of
 * one region are checked one at a time. Throws, listing every refused line: 409 when a line is already claimed
 * elsewhere (the conflict the unique index guards), 422 otherwise. Nothing is stored here.
 */
export async function checkLinesForCommitment(manager: EntityManager, regionId: string, lines: readonly { lineNo: number; enrolmentId: string }[]): Promise<AcceptedLine[]> {
  const enrolmentIds = lines.map((line) => line.enrolmentId);
  const years: { year: number }[] = await manager.query(
    `SELECT DISTINCT extract(year FROM enrolled_on)::int AS year FROM enrolment_fact WHERE enrolment_id = ANY($1::uuid[]) AND enrolled_on IS NOT NULL`,
    [enrolmentIds],
  );
  const budgetYears = years.map((row) => row.year);
  await lockBudgets(manager, regionId, budgetYears);
  const judgements = new Map((await loadJudgements(manager, enrolmentIds)).map((judgement) => [judgement.enrolmentId, judgement]));
  const budgetLeft = await availableByYear(manager, regionId, budgetYears);
  const { accepted, refused } = checkClaimLines(
    regionId,
    lines.map((line) => ({ ...line, judgement: judgements.get(line.enrolmentId) ?? null })),
    budgetLeft,
  );
  if (refused.length > 0) throw refusedLines(refused, lines.length);
  return accepted;
}

function refusedLines(refused: readonly LineRefusal[], total: number): ClaimError {
  const listed = refused.map((line) => ({ lineNo: line.lineNo, enrolmentId: line.enrolmentId, reason: line.reason, message: line.message }));
  const first = refused
    .slice(0, 3)
    .map((line) => line.message)
    .join(' ');
  const more = refused.length > 3 ? ` En nog ${refused.length - 3} regel(s): zie de lijst.` : '';
  if (refused.some((line) => line.reason === 'ALREADY_REIMBURSED')) {
    const claimed = refused.filter((line) => line.reason === 'ALREADY_REIMBURSED');
    return new ClaimError(
      'LINE_ALREADY_CLAIMED',
      'conflict',
      `${claimed.length} regel(s) staan al in een andere declaratie: ${claimed
        .slice(0, 3)
        .map((line) => `regel ${line.lineNo} (inschrijving ${line.enrolmentId})`)
        .join(', ')}${claimed.length > 3 ? ', …' : ''}. Er is niets vastgelegd.`,
      { lines: listed },
    );
  }
  return new ClaimError('LINES_REFUSED', 'unprocessable', `${refused.length} van de ${total} regel(s) kunnen niet worden gedeclareerd; er is niets vastgelegd. ${first}${more}`, {
    lines: listed,
  });
}
