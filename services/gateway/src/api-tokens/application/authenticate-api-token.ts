import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { hashOfToken, isWellFormedToken } from '../domain/token-secret';

export interface ApiTokenCaller {
  readonly tokenId: string;
  readonly principal: Principal;
  readonly permissions: readonly string[];
}

/**
 * The caller of a request with an API token, if the token is known, not expired and not revoked. Finding it records
 * the use (last used, count) in the same statement: one round trip per request.
 */
@Injectable()
export class AuthenticateApiToken {
  constructor(private readonly dataSource: DataSource) {}

  async execute(token: string): Promise<ApiTokenCaller | undefined> {
    if (!isWellFormedToken(token)) return undefined;
    const [rows] = (await this.dataSource.query(
      `UPDATE api_token SET last_used_at = now(), use_count = use_count + 1
        WHERE secret_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING token_id, provider_id, permissions`,
      [hashOfToken(token)],
    )) as [{ token_id: string; provider_id: string; permissions: string[] }[], number];
    const row = rows[0];
    if (!row) return undefined;
    // To the services the token's system is its provider, acting under the token's own subject.
    const principal: Principal = { subject: `api-token:${row.token_id}`, roles: ['provider'], providerId: row.provider_id };
    return { tokenId: row.token_id, principal, permissions: row.permissions };
  }
}
