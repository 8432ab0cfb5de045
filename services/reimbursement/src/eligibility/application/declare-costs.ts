import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { visibleOrNotFound } from '@napl/service-kit';
import { EligibilityError, enrolmentNotFound } from '../domain/eligibility.errors';
import { ACTIVE_LINE } from './enrolment-judgements';
import { seesRegion, viewOf, type OutcomeView } from './eligibility.queries';
import { redecideEnrolments } from './redecide-enrolments';
import { EligibilityOutcomeEntity } from '../infrastructure/eligibility-outcome.entity';

export interface DeclaredCosts {
  readonly materialsCents: number;
  readonly studyLeaveCents: number;
  readonly substituteCoverCents: number;
}

/**
 * A region declares the costs beyond the run's price for an enrolment of its schools; the enrolment is judged again.
 * Once the enrolment is on a submitted claim its costs are fixed: a correction goes through the ministry.
 */
@Injectable()
export class DeclareCosts {
  constructor(private readonly dataSource: DataSource) {}

  async declare(principal: Principal, enrolmentId: string, costs: DeclaredCosts): Promise<OutcomeView> {
    return inTransaction(this.dataSource, async (manager) => {
      // The outcome row is locked so that a claim submitted at the same moment sees either the old costs or the new.
      const outcome = await manager.findOne(EligibilityOutcomeEntity, { where: { enrolmentId }, lock: { mode: 'pessimistic_write' } });
      visibleOrNotFound(outcome, (row) => seesRegion(principal, row.regionId), enrolmentNotFound);
      const [claimed] = await manager.query(`SELECT 1 FROM claim_line l WHERE l.enrolment_id = $1 AND ${ACTIVE_LINE}`, [enrolmentId]);
      if (claimed) {
        throw new EligibilityError('ENROLMENT_ALREADY_CLAIMED', 'conflict', 'Deze inschrijving staat al in een ingediende declaratie; de kosten liggen vast.');
      }
      await manager.query(
        `INSERT INTO declared_costs (enrolment_id, materials_cents, study_leave_cents, substitute_cover_cents, declared_by, declared_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (enrolment_id) DO UPDATE SET materials_cents = EXCLUDED.materials_cents, study_leave_cents = EXCLUDED.study_leave_cents,
           substitute_cover_cents = EXCLUDED.substitute_cover_cents, declared_by = EXCLUDED.declared_by, declared_at = now()`,
        [enrolmentId, costs.materialsCents, costs.studyLeaveCents, costs.substituteCoverCents, principal.subject],
      );
      await redecideEnrolments(manager, [enrolmentId]);
      return viewOf((await manager.findOneBy(EligibilityOutcomeEntity, { enrolmentId }))!);
    });
  }
}
