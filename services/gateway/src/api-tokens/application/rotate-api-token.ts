import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import type { Principal } from '@napl/auth';
import { API_TOKEN_DAYS, endAfterRotation, expiryOf, isUsable, ROTATION_OVERLAP_HOURS } from '../domain/api-token';
import { ApiTokenError } from '../domain/api-token.errors';
import { ApiTokenEntity } from '../infrastructure/api-token.entity';
import { ownProviderOf, visibleTokenOrNotFound } from './api-token-scope';
import { storeNewToken } from './create-api-token';
import type { CreatedApiToken } from './api-token-views';

/**
 * Replaces a token by a new one with the same name and permissions. The old one keeps working for the overlap
 * (default a day), so the provider's system can switch over without an outage, and then ends.
 */
@Injectable()
export class RotateApiToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, tokenId: string, options: { overlapHours?: number; expiresInDays?: number }): Promise<CreatedApiToken> {
    const providerId = ownProviderOf(principal);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(ApiTokenEntity);
      const old = visibleTokenOrNotFound(await repository.findOne({ where: { tokenId }, lock: { mode: 'pessimistic_write' } }), principal);
      const now = new Date();
      if (old.providerId !== providerId) throw new ApiTokenError('API_TOKEN_NOT_FOUND', 'not-found', 'Dit API-token bestaat niet.');
      if (!isUsable(old, now)) {
        throw new ApiTokenError('API_TOKEN_NOT_USABLE', 'conflict', 'Dit API-token is verlopen of ingetrokken; maak een nieuw token.');
      }
      await repository.update({ tokenId }, { expiresAt: endAfterRotation(old, now, options.overlapHours ?? ROTATION_OVERLAP_HOURS.default) });
      return storeNewToken(
        manager,
        {
          providerId,
          name: old.name,
          permissions: old.permissions,
          expiresAt: expiryOf(now, options.expiresInDays ?? API_TOKEN_DAYS.default),
          createdBy: principal.subject,
          rotatedFrom: old.tokenId,
        },
        now,
      );
    });
  }
}
