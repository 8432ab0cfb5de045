import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { claimNotFound, ClaimError } from '../domain/claim.errors';
import { ClaimEntity } from '../infrastructure/claim.entity';
import { linesOf, mayReadClaim } from './claim-store';
import { claimViewOf, type ClaimView } from './claim-views';

/** Reading claims: a region its own, the ministry and admins all. */
@Injectable()
export class ClaimQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, a page at a time (keyset on the creation time to the millisecond, then the id). */
  async list(principal: Principal, filter: { status?: string; regionId?: string }, paging: PageQuery): Promise<Page<ClaimView>> {
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['timestamp', 'uuid']);
    const query = this.dataSource.getRepository(ClaimEntity).createQueryBuilder('claim');
    if (!hasRole(principal, 'ministry', 'admin')) {
      // A region user without a region sees nothing, rather than everything.
      query.andWhere('claim.region_id = :own', { own: principal.regionId ?? '' });
    } else if (filter.regionId) {
      query.andWhere('claim.region_id = :regionId', { regionId: filter.regionId });
    }
    if (filter.status) query.andWhere('claim.status = :status', { status: filter.status });
    if (after) query.andWhere(`(date_trunc('milliseconds', claim.created_at), claim.claim_id) < (:createdAt::timestamptz, :id::uuid)`, { createdAt: after[0], id: after[1] });
    const rows = await query.orderBy(`date_trunc('milliseconds', claim.created_at)`, 'DESC').addOrderBy('claim.claim_id', 'DESC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (claim) => [claim.createdAt.toISOString(), claim.claimId], (claim) => claimViewOf(claim));
  }

  async get(principal: Principal, claimId: string): Promise<ClaimView> {
    const claim = visibleOrNotFound(await this.dataSource.getRepository(ClaimEntity).findOneBy({ claimId }), (found) => mayReadClaim(principal, found), claimNotFound);
    return claimViewOf(claim, await linesOf(this.dataSource.manager, claimId));
  }

  /** A draft may be thrown away by its region; a submitted claim stays (its lines and money are history). */
  async deleteDraft(principal: Principal, claimId: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const claim = visibleOrNotFound(
        await manager.findOne(ClaimEntity, { where: { claimId }, lock: { mode: 'pessimistic_write' } }),
        (found) => principal.regionId === found.regionId,
        claimNotFound,
      );
      if (claim.status !== 'draft') throw new ClaimError('CLAIM_NOT_DRAFT', 'conflict', 'Alleen een concept kan worden verwijderd; deze declaratie is ingediend.');
      await manager.query(`DELETE FROM claim_line WHERE claim_id = $1`, [claimId]);
      await manager.query(`DELETE FROM claim WHERE claim_id = $1`, [claimId]);
    });
  }
}
