/**
 * An offer counts for path steps while it holds a valid quality mark: at the moment in question the mark was granted,
 * its validity has not run out, and it has not ended early (expired or revoked). The SQL in known-mark-store.ts applies
 * the same rule.
 */
export interface MarkFacts {
  readonly validUntil: Date;
  readonly endedAt: Date | null;
}

export function isMarkValidAt(mark: MarkFacts, at: Date): boolean {
  return at.getTime() < mark.validUntil.getTime() && (mark.endedAt === null || at.getTime() < mark.endedAt.getTime());
}
