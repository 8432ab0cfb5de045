/**
 * A claim of a region: built from eligible enrolments, submitted, then decided by the ministry: approved, partly
 * approved (per line, with reasons) or rejected. A decision changes only by an amendment that carries a note.
 */
export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'partly-approved' | 'rejected';
export type LineDecision = 'approved' | 'rejected';

/** The claim's status from its lines' decisions. */
export function claimStatusFromLines(decisions: readonly LineDecision[]): Exclude<ClaimStatus, 'draft' | 'submitted'> {
  const approved = decisions.filter((decision) => decision === 'approved').length;
  if (approved === decisions.length && approved > 0) return 'approved';
  if (approved === 0) return 'rejected';
  return 'partly-approved';
}

/** A decided claim is changed only by an amendment with a note of at least a few words. */
export function isValidAmendmentNote(note: string | undefined): boolean {
  return typeof note === 'string' && note.trim().length >= 10;
}
