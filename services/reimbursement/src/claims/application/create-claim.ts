import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { loadJudgements, outcomeOf } from '../../eligibility/application/enrolment-judgements';
import { calendarYearOf } from '../../shared/domain/school-year';
import { todayInAmsterdam } from '@napl/domain';
import { linesOutsideRegion } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';
import { regionOf } from './claim-store';
import { claimWithLines, type ClaimView } from './claim-views';

/**
 * A region's draft claim, one line per enrolment in the given order. Only the region's own schools' enrolments: an
 * unknown one or another region's is refused with the same answer (422, every such line listed, nothing stored). The
 * draft's amounts are today's; submitting checks and fixes them.
 */
@Injectable()
export class CreateClaim {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, enrolmentIds: readonly string[], reference: string): Promise<ClaimView> {
    const regionId = regionOf(principal);
    return inTransaction(this.dataSource, async (manager) => {
      const judgements = new Map((await loadJudgements(manager, enrolmentIds)).map((judgement) => [judgement.enrolmentId, judgement]));
      const lines = enrolmentIds.map((enrolmentId, index) => ({ lineNo: index + 1, enrolmentId, judgement: judgements.get(enrolmentId) ?? null }));
      const outside = linesOutsideRegion(regionId, lines);
      if (outside.length > 0) {
        throw new ClaimError(
          'LINES_NOT_IN_REGION',
          'unprocessable',
          `${outside.length} regel(s) horen niet bij een school in uw regio (of de inschrijving is onbekend); er is niets vastgelegd. ${outside[0].message}`,
          { lines: outside },
        );
      }
      const claimId = randomUUID();
      const drafted = lines.map((line) => {
        const judgement = line.judgement!;
        return {
          ...line,
          amountCents: outcomeOf(judgement).amountCents,
          budgetYear: judgement.budgetYear ?? calendarYearOf(todayInAmsterdam()),
          ruleVersion: judgement.rule?.version ?? 0,
        };
      });
      await manager.query(`INSERT INTO claim (claim_id, region_id, status, reference, line_count, total_cents, created_by) VALUES ($1, $2, 'draft', $3, $4, $5, $6)`, [
        claimId,
        regionId,
        reference,
        drafted.length,
        drafted.reduce((sum, line) => sum + line.amountCents, 0),
        principal.subject,
      ]);
      await manager.query(
        `INSERT INTO claim_line (claim_id, line_no, enrolment_id, amount_cents, budget_year, rule_version, state)
         SELECT $1, *, 'draft' FROM unnest($2::int[], $3::uuid[], $4::bigint[], $5::int[], $6::int[])`,
        [
          claimId,
          drafted.map((line) => line.lineNo),
          drafted.map((line) => line.enrolmentId),
          drafted.map((line) => line.amountCents),
          drafted.map((line) => line.budgetYear),
          drafted.map((line) => line.ruleVersion),
        ],
      );
      return claimWithLines(manager, claimId);
    });
  }
}
