import { hasRole, type Principal } from '@napl/auth';
import { ApiTokenError, apiTokenNotFound } from '../domain/api-token.errors';
import type { ApiTokenEntity } from '../infrastructure/api-token.entity';

/** The provider whose tokens a provider user manages: their own, from their sign-in. */
export function ownProviderOf(principal: Principal): string {
  if (!principal.providerId) {
    throw new ApiTokenError('NO_PROVIDER_SCOPE', 'forbidden', 'Uw aanmelding hoort bij geen opleider; alleen een opleider maakt API-tokens.');
  }
  return principal.providerId;
}

/** A provider sees its own tokens, an admin every token (to revoke a leaked one); anyone else: as missing. */
export function visibleTokenOrNotFound(row: ApiTokenEntity | null, principal: Principal): ApiTokenEntity {
  if (!row) throw apiTokenNotFound();
  if (hasRole(principal, 'admin')) return row;
  if (hasRole(principal, 'provider') && principal.providerId === row.providerId) return row;
  throw apiTokenNotFound();
}
