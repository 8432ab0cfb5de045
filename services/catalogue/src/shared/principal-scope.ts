import { hasRole, type Principal } from '@napl/auth';
import { CatalogueError } from './catalogue.error';

/** The provider a provider user acts for; its token must carry the provider id. */
export function providerIdOf(principal: Principal): string {
  if (!principal.providerId) {
    throw new CatalogueError('PROVIDER_SCOPE_MISSING', 'forbidden', 'Uw account is niet aan een aanbieder gekoppeld.');
  }
  return principal.providerId;
}

export function isAdmin(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

/** A provider user may act only on its own provider's data; an admin on every provider's. */
export function mayManage(principal: Principal, providerId: string): boolean {
  return isAdmin(principal) || (hasRole(principal, 'provider') && principal.providerId === providerId);
}

/**
 * Who may see an offer (docs/access-rules.md): its provider and admins always; everyone else only while a version is
 * published and the offer is not withdrawn. Outside that an offer answers 404, as a missing one does.
 */
export function mayReadOffer(principal: Principal, offer: { providerId: string; publishedVersion: number | null; status: string }): boolean {
  return mayManage(principal, offer.providerId) || (offer.publishedVersion !== null && offer.status !== 'withdrawn');
}
