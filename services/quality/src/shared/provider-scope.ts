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
