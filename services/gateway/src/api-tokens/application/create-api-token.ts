import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { API_TOKEN_DAYS, expiryOf, type ApiTokenPermission } from '../domain/api-token';
import { hashOfToken, hintOf, newTokenSecret } from '../domain/token-secret';
import { ApiTokenEntity } from '../infrastructure/api-token.entity';
import { ownProviderOf } from './api-token-scope';
import { viewOf, type CreatedApiToken } from './api-token-views';

export interface NewApiToken {
  readonly name: string;
  readonly permissions: readonly ApiTokenPermission[];
  readonly expiresInDays?: number;
}

/** Stores a new token of `providerId` and returns it with its secret, which is shown this once. */
export async function storeNewToken(
  manager: EntityManager,
  fields: { providerId: string; name: string; permissions: readonly string[]; expiresAt: Date; createdBy: string; rotatedFrom: string | null },
  now: Date,
): Promise<CreatedApiToken> {
  const token = newTokenSecret();
  const row = manager.getRepository(ApiTokenEntity).create({
    tokenId: randomUUID(),
    secretHash: hashOfToken(token),
    hint: hintOf(token),
    providerId: fields.providerId,
    name: fields.name,
    permissions: [...new Set(fields.permissions)].sort(),
    createdBy: fields.createdBy,
    createdAt: now,
    expiresAt: fields.expiresAt,
    revokedAt: null,
    rotatedFrom: fields.rotatedFrom,
    lastUsedAt: null,
    useCount: '0',
  });
  await manager.getRepository(ApiTokenEntity).insert(row);
  return { ...viewOf(row), token };
}

/** A provider user makes a token for their own provider's system. */
@Injectable()
export class CreateApiToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: NewApiToken): Promise<CreatedApiToken> {
    const providerId = ownProviderOf(principal);
    const now = new Date();
    return storeNewToken(
      this.dataSource.manager,
      {
        providerId,
        name: request.name,
        permissions: request.permissions,
        expiresAt: expiryOf(now, request.expiresInDays ?? API_TOKEN_DAYS.default),
        createdBy: principal.subject,
        rotatedFrom: null,
      },
      now,
    );
  }
}
