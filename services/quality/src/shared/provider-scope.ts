import { hasRole, type Principal } from '@napl/auth';

/** Assessors, the ministry and admins see every provider's cases and marks, and the assessors' identities. */
export function isQualityStaff(principal: Principal): boolean {
  return hasRole(principal, 'assessor', 'ministry', 'admin');
}

/**
 * Whether the caller is confined to its own provider's data: anyone with the provider role and no staff role,
 * whatever other roles (teacher, school leader, ...) the token also carries.
 */
export function isProviderScoped(principal: Principal): boolean {
  return hasRole(principal, 'provider') && !isQualityStaff(principal);
}

/**
 * Who may see what is between a provider and the quality staff (an assessment case, a mark's conditions, evaluation
 * aggregates): the staff, and users of that provider. Everyone else gets the 404 a missing one gets
 * (docs/access-rules.md).
 */
export function mayReadProviderCase(principal: Principal, providerId: string | null): boolean {
  return isQualityStaff(principal) || (hasRole(principal, 'provider') && !!principal.providerId && principal.providerId === providerId);
}
