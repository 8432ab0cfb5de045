/**
 * Small-cell suppression: no published split may show a group of fewer than 5 teachers, so nobody can be picked out.
 * Rule (version in MONITORING_RULES_VERSION):
 * 1. a cell of 1 to 4 teachers is suppressed ('small'); 0 is shown, since it describes nobody;
 * 2. when the split's total is published, suppressed cells could be derived by subtracting the others from it, so
 *    further cells are suppressed ('complement'), smallest first, until at least two are suppressed and together
 *    they hold at least 5 teachers (or every cell is suppressed);
 * 3. a total of 1 to 4 is itself suppressed, and then every cell of the split with it.
 */
export const SUPPRESSION_THRESHOLD = 5;

export type SuppressionMarker = 'small' | 'complement';

export interface Cell {
  readonly key: string;
  /** The teachers in the cell: what the rule judges. */
  readonly teachers: number;
}

export interface PublishedCell {
  readonly key: string;
  /** null when suppressed. */
  readonly teachers: number | null;
  readonly suppressed: SuppressionMarker | null;
}

export interface PublishedSplit {
  /** null when the total itself is 1 to 4. */
  readonly total: number | null;
  readonly totalSuppressed: SuppressionMarker | null;
  readonly cells: PublishedCell[];
}

function isSmall(teachers: number): boolean {
  return teachers > 0 && teachers < SUPPRESSION_THRESHOLD;
}

/** Which keys of a split to hide, and why (see the rule above). `total` is the sum of the cells unless given. */
export function suppressSplit(cells: readonly Cell[], total: number = cells.reduce((sum, cell) => sum + cell.teachers, 0)): PublishedSplit {
  if (isSmall(total)) {
    return { total: null, totalSuppressed: 'small', cells: cells.map((cell) => ({ key: cell.key, teachers: null, suppressed: 'complement' })) };
  }
  const marker = new Map<string, SuppressionMarker>();
  for (const cell of cells) if (isSmall(cell.teachers)) marker.set(cell.key, 'small');
  const hidden = () => cells.filter((cell) => marker.has(cell.key));
  const hiddenSum = () => hidden().reduce((sum, cell) => sum + cell.teachers, 0);
  // Smallest first, and a cell of 0 only when nothing else is left: hiding a 0 protects little.
  const candidates = cells
    .filter((cell) => !marker.has(cell.key))
    .sort((a, b) => Number(a.teachers === 0) - Number(b.teachers === 0) || a.teachers - b.teachers || a.key.localeCompare(b.key));
  while (hidden().length > 0 && (hidden().length < 2 || hiddenSum() < SUPPRESSION_THRESHOLD) && candidates.length > 0) {
    marker.set(candidates.shift()!.key, 'complement');
  }
  return {
    total,
    totalSuppressed: null,
    cells: cells.map((cell) => ({ key: cell.key, teachers: marker.has(cell.key) ? null : cell.teachers, suppressed: marker.get(cell.key) ?? null })),
  };
}
