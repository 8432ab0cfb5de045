import { ROLES, SCOPE_CLAIMS, type Principal, type Role } from '@napl/auth';

/** The principal an issuer's (verified) ID token names: its subject, the platform's roles and scope ids. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const claimedRoles = claims[SCOPE_CLAIMS.roles];
  const roles = Array.isArray(claimedRoles) ? claimedRoles.filter((role): role is Role => ROLES.includes(role as Role)) : [];
  return {
    subject: String(claims.sub),
    roles,
    providerId: text(SCOPE_CLAIMS.providerId),
    regionId: text(SCOPE_CLAIMS.regionId),
    teacherId: text(SCOPE_CLAIMS.teacherId),
    schoolId: text(SCOPE_CLAIMS.schoolId),
  };
}
