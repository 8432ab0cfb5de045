import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, type Page, type PageQuery } from '@napl/service-kit';
import { ApiTokenEntity } from '../infrastructure/api-token.entity';
import { ownProviderOf, visibleTokenOrNotFound } from './api-token-scope';
import { viewOf, type ApiTokenView } from './api-token-views';

/** A provider's tokens, newest first (revoked and expired ones too, so their use stays visible); admins: every provider's. */
@Injectable()
export class ListApiTokens {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: PageQuery): Promise<Page<ApiTokenView>> {
    const limit = limitOf(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const builder = this.dataSource.getRepository(ApiTokenEntity).createQueryBuilder('t');
    if (!hasRole(principal, 'admin')) builder.where('t.provider_id = :providerId', { providerId: ownProviderOf(principal) });
    if (after) builder.andWhere('(t.created_at, t.token_id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await builder.orderBy('t.created_at', 'DESC').addOrderBy('t.token_id', 'DESC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (row) => [row.createdAt.toISOString(), row.tokenId], viewOf);
  }

  async one(principal: Principal, tokenId: string): Promise<ApiTokenView> {
    return viewOf(visibleTokenOrNotFound(await this.dataSource.getRepository(ApiTokenEntity).findOneBy({ tokenId }), principal));
  }
}
