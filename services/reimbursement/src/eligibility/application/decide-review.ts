import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { isValidAmendmentNote } from '../../claims/domain/claim';
import { EligibilityError, reviewCaseNotFound } from '../domain/eligibility.errors';
import { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { reviewViewOf, type ReviewCaseView } from './eligibility.queries';
import { redecideEnrolments } from './redecide-enrolments';

/** The ministry decides a case in the review queue, with a note; the enrolment is judged again with the decision. */
@Injectable()
export class DecideReview {
  constructor(private readonly dataSource: DataSource) {}

  async decide(principal: Principal, enrolmentId: string, decision: 'approved' | 'rejected', note: string): Promise<ReviewCaseView> {
    if (!isValidAmendmentNote(note)) {
      throw new EligibilityError('NOTE_TOO_SHORT', 'invalid', 'Licht het besluit toe in een notitie van ten minste 10 tekens.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const reviewCase = await manager.findOne(ReviewCaseEntity, { where: { enrolmentId }, lock: { mode: 'pessimistic_write' } });
      if (!reviewCase) throw reviewCaseNotFound();
      if (reviewCase.status !== 'open') {
        throw new EligibilityError('REVIEW_ALREADY_DECIDED', 'conflict', `Over deze beoordeling is al besloten (${reviewCase.status === 'approved' ? 'goedgekeurd' : 'afgewezen'}).`);
      }
      Object.assign(reviewCase, { status: decision, decidedAt: new Date(), decidedBy: principal.subject, note: note.trim() });
      await manager.save(reviewCase);
      await redecideEnrolments(manager, [enrolmentId]);
      return reviewViewOf(reviewCase);
    });
  }
}
