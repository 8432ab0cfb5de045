/**
 * The order of a local copy of a catalogue aggregate (`known_run`, `known_offer` in enrolments and paths), as SQL for the statements that
 * write the copy. Each copy stores the `source_revision` (the aggregate's revision in the catalogue, carried in every
 * event) and the `source_version` (the event time, `napl-occurred-at`) of the last event applied.
 *
 * An incoming event is newer than the copy when
 * - both know a revision (> 0): its revision is greater. Two events in one millisecond, or from catalogue instances
 *   whose clocks disagree, are ordered as the catalogue wrote them; the same revision again changes nothing;
 * - otherwise (an event published before the catalogue counted revisions, or a copy written only by such events):
 *   its event time is later, the rule from before revisions.
 *
 * `stored` qualifies the copy's columns (the table path); `revision` and `occurredAt` are SQL expressions of the
 * incoming event (`EXCLUDED.source_revision` in an upsert, or a parameter).
 */
export function isNewerThanCopy(stored: string, revision: string, occurredAt: string): string {
  return `(CASE WHEN ${stored}.source_revision > 0 AND ${revision} > 0 THEN ${stored}.source_revision < ${revision}
                ELSE ${stored}.source_version < ${occurredAt} END)`;
}

/** The revision a copy keeps after applying the event: the event's, or, for an event without one, what it had. */
export function revisionAfter(stored: string, revision: string): string {
  return `GREATEST(${stored}.source_revision, ${revision})`;
}
