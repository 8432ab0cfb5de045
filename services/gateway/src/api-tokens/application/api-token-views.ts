import type { ApiTokenEntity } from '../infrastructure/api-token.entity';

/** A token as listed: never its secret or hash. */
export interface ApiTokenView {
  readonly id: string;
  readonly name: string;
  readonly providerId: string;
  readonly permissions: string[];
  readonly hint: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly rotatedFrom: string | null;
  readonly lastUsedAt: string | null;
  readonly useCount: number;
}

/** A token just made: the one time its secret is shown. */
export interface CreatedApiToken extends ApiTokenView {
  readonly token: string;
}

export function viewOf(row: ApiTokenEntity): ApiTokenView {
  return {
    id: row.tokenId,
    name: row.name,
    providerId: row.providerId,
    permissions: row.permissions,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    rotatedFrom: row.rotatedFrom,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    useCount: Number(row.useCount),
  };
}
