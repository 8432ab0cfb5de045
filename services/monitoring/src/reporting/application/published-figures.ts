import type { ExportRow } from '../domain/csv';
import { suppressSplit, type SuppressionMarker } from '../domain/suppression';

/** A cell of a split about teachers: the value shown (a count of teachers, enrolments, steps) and the teachers it is about. */
export interface TeacherCell {
  readonly key: string;
  readonly value: number;
  readonly teachers: number;
}

export interface PublishedValue {
  readonly key: string;
  /** null when suppressed (see `suppressed`). */
  readonly value: number | null;
  readonly suppressed: SuppressionMarker | null;
}

export interface PublishedMeasure {
  readonly total: number | null;
  readonly totalSuppressed: SuppressionMarker | null;
  readonly cells: PublishedValue[];
}

/** Unknown dimensions (an event without a sector or region) get a key of their own, not a blank. */
export const UNKNOWN = 'onbekend';

/**
 * One measure of a split, with small cells and their complements suppressed by the teachers they are about (see
 * domain/suppression.ts). `total` is the published total value and `totalTeachers` the teachers behind it.
 */
export function publishMeasure(cells: readonly TeacherCell[], total: { value: number; teachers: number }): PublishedMeasure {
  const sorted = [...cells].sort((a, b) => a.key.localeCompare(b.key));
  const split = suppressSplit(
    sorted.map((cell) => ({ key: cell.key, teachers: cell.teachers })),
    total.teachers,
  );
  return {
    total: split.totalSuppressed ? null : total.value,
    totalSuppressed: split.totalSuppressed,
    cells: sorted.map((cell, index) => {
      const suppressed = split.cells[index].suppressed;
      return { key: cell.key, value: suppressed ? null : cell.value, suppressed };
    }),
  };
}

/** The export lines of a published measure: one per cell and one for the total. */
export function rowsOf(section: string, measure: string, published: PublishedMeasure): ExportRow[] {
  return [
    { section, key: '', measure, value: published.total, suppressed: published.totalSuppressed },
    ...published.cells.map((cell) => ({ section, key: cell.key, measure, value: cell.value, suppressed: cell.suppressed })),
  ];
}

/** SQL for the end of an as-of date (parameter `$n`, YYYY-MM-DD) in Amsterdam: facts before it count. */
export function endOfDay(parameter: string): string {
  return `((${parameter}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
}

export function tableOf(manager: { connection: { getMetadata(target: unknown): { tablePath: string } } }, entity: unknown): string {
  return manager.connection.getMetadata(entity).tablePath;
}
