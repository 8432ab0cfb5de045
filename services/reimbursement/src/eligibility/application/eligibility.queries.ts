import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { REASON_TEXT, type EligibilityReason } from '../domain/eligibility';
import { enrolmentNotFound, regionNotFound, reviewCaseNotFound } from '../domain/eligibility.errors';
import { EligibilityOutcomeEntity } from '../infrastructure/eligibility-outcome.entity';
import { ReviewCaseEntity } from '../infrastructure/review-case.entity';

export interface OutcomeView {
  readonly enrolmentId: string;
  readonly regionId: string | null;
  readonly schoolId: string | null;
  readonly offerId: string;
  readonly enrolledOn: string | null;
  readonly budgetYear: number | null;
  readonly reason: EligibilityReason;
  readonly reasonText: string;
  readonly eligible: boolean;
  readonly amountCents: number;
  readonly ruleVersion: number | null;
  readonly decidedAt: string;
}

export interface ReviewCaseView {
  readonly enrolmentId: string;
  readonly status: string;
  readonly regionId: string | null;
  readonly amountCents: number;
  readonly openedAt: string;
  readonly decidedAt: string | null;
  readonly note: string | null;
}

/** The ministry sees every region; a region's user only its own. */
export function seesRegion(principal: Principal, regionId: string | null): boolean {
  return hasRole(principal, 'ministry', 'admin') || (regionId !== null && principal.regionId === regionId);
}

/** What regions and the ministry read of the stored outcomes and the review queue. */
@Injectable()
export class EligibilityQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A region's enrolments with their outcome, optionally of one reason, in enrolment order (keyset paged). */
  async forRegion(principal: Principal, regionId: string, query: PageQuery & { reason?: EligibilityReason }): Promise<Page<OutcomeView>> {
    if (!seesRegion(principal, regionId)) throw regionNotFound();
    const limit = limitOf(query);
    const after = decodeCursor(query.cursor, ['uuid']);
    const builder = this.dataSource
      .getRepository(EligibilityOutcomeEntity)
      .createQueryBuilder('o')
      .where('o.region_id = :regionId', { regionId })
      .orderBy('o.enrolment_id', 'ASC')
      .limit(limit + 1);
    if (query.reason) builder.andWhere('o.reason = :reason', { reason: query.reason });
    if (after) builder.andWhere('o.enrolment_id > :after', { after: after[0] });
    const rows = await builder.getMany();
    return pageOf(rows, limit, (row) => [row.enrolmentId], viewOf);
  }

  async ofEnrolment(principal: Principal, enrolmentId: string): Promise<OutcomeView> {
    const row = await this.dataSource.getRepository(EligibilityOutcomeEntity).findOneBy({ enrolmentId });
    return viewOf(visibleOrNotFound(row, (outcome) => seesRegion(principal, outcome.regionId), enrolmentNotFound));
  }

  /** The ministry's queue: oldest first. */
  async reviewCases(query: PageQuery & { status?: string }): Promise<Page<ReviewCaseView>> {
    const limit = limitOf(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const builder = this.dataSource
      .getRepository(ReviewCaseEntity)
      .createQueryBuilder('c')
      .where('c.status = :status', { status: query.status ?? 'open' })
      .orderBy('c.opened_at', 'ASC')
      .addOrderBy('c.enrolment_id', 'ASC')
      .limit(limit + 1);
    if (after) builder.andWhere('(c.opened_at, c.enrolment_id) > (:openedAt, :id)', { openedAt: after[0], id: after[1] });
    const rows = await builder.getMany();
    return pageOf(rows, limit, (row) => [row.openedAt.toISOString(), row.enrolmentId], reviewViewOf);
  }

  async reviewCase(enrolmentId: string): Promise<ReviewCaseView> {
    const row = await this.dataSource.getRepository(ReviewCaseEntity).findOneBy({ enrolmentId });
    if (!row) throw reviewCaseNotFound();
    return reviewViewOf(row);
  }
}

export function viewOf(row: EligibilityOutcomeEntity): OutcomeView {
  const reason = row.reason as EligibilityReason;
  return {
    enrolmentId: row.enrolmentId,
    regionId: row.regionId,
    schoolId: row.schoolId,
    offerId: row.offerId,
    enrolledOn: row.enrolledOn,
    budgetYear: row.budgetYear,
    reason,
    reasonText: REASON_TEXT[reason],
    eligible: row.eligible,
    amountCents: row.amountCents,
    ruleVersion: row.ruleVersion,
    decidedAt: row.decidedAt.toISOString(),
  };
}

export function reviewViewOf(row: ReviewCaseEntity): ReviewCaseView {
  return {
    enrolmentId: row.enrolmentId,
    status: row.status,
    regionId: row.regionId,
    amountCents: row.amountCents,
    openedAt: row.openedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    note: row.note,
  };
}
