import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Principal } from '@napl/auth';
import { ApiTokenEntity } from '../infrastructure/api-token.entity';
import { visibleTokenOrNotFound } from './api-token-scope';
import { viewOf, type ApiTokenView } from './api-token-views';

/** Ends a token at once (its provider, or an admin for a leaked one). Revoking twice keeps the first moment. */
@Injectable()
export class RevokeApiToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, tokenId: string): Promise<ApiTokenView> {
    const repository = this.dataSource.getRepository(ApiTokenEntity);
    const row = visibleTokenOrNotFound(await repository.findOneBy({ tokenId }), principal);
    if (row.revokedAt === null) {
      row.revokedAt = new Date();
      await repository.update({ tokenId, revokedAt: IsNull() }, { revokedAt: row.revokedAt });
    }
    return viewOf(row);
  }
}
