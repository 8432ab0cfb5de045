/**
 * Who may do what with a teacher's path (docs/access-rules.md):
 * - the teacher reads, moves and downloads only their own paths;
 * - an assessor recognises prior learning for any teacher and so reads the path it concerns;
 * - a school leader recognises for teachers of their own school, and reads a teacher's path only with the teacher's
 *   consent for the team view;
 * - anyone else: as if it did not exist (404).
 */
/** The caller as these rules need it (the platform's Principal has this shape). */
export interface Caller {
  readonly roles: readonly string[];
  readonly teacherId?: string;
  readonly schoolId?: string;
}

export interface TeacherPathFacts {
  readonly teacherId: string;
  readonly schoolId: string | null;
}

export function isOwnPath(principal: Caller, path: TeacherPathFacts): boolean {
  return principal.roles.includes('teacher') && principal.teacherId === path.teacherId;
}

export function isLeaderOfSchool(principal: Caller, path: TeacherPathFacts): boolean {
  return principal.roles.includes('school-leader') && principal.schoolId !== undefined && principal.schoolId === path.schoolId;
}

export function mayRecognise(principal: Caller, path: TeacherPathFacts): boolean {
  return principal.roles.includes('assessor') || isLeaderOfSchool(principal, path);
}

export function mayRead(principal: Caller, path: TeacherPathFacts, consented: boolean): boolean {
  return isOwnPath(principal, path) || principal.roles.includes('assessor') || (isLeaderOfSchool(principal, path) && consented);
}
