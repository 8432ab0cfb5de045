/** The roles of the platform's users. */
export const ROLES = ['teacher', 'school-leader', 'provider', 'assessor', 'region', 'ministry', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, from a verified token. The scope ids say what the caller may touch: a provider user
 * only its provider's offers, a region user only its region, a teacher only their own data.
 */
export interface Principal {
  /** The token's subject: a pseudonymous id from the identity provider, never a BSN. */
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly providerId?: string;
  readonly regionId?: string;
  /** The platform's pseudonymous teacher id. */
  readonly teacherId?: string;
  /** BRIN code plus location of the school a school leader or teacher works at. */
  readonly schoolId?: string;
}

/** Claim names for the scope ids in the platform's tokens. */
export const SCOPE_CLAIMS = {
  roles: 'napl_roles',
  providerId: 'napl_provider_id',
  regionId: 'napl_region_id',
  teacherId: 'napl_teacher_id',
  schoolId: 'napl_school_id',
} as const;

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}
