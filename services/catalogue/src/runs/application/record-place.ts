import type { EntityManager } from 'typeorm';
import { nextPlaceState, type PlaceEvent } from '../domain/places';
import { RunEnrolmentEntity } from '../infrastructure/run-enrolment.entity';
import { RunEntity } from '../infrastructure/run.entity';

/**
 * Records an enrolment's place and recounts the run's places taken, for placesLeft, enrolment and the search filter.
 * The run row is locked before counting, in a statement of its own: in READ COMMITTED the count then sees every
 * enrolment committed by a concurrent handler for the same run, so no place is lost between two recounts.
 */
export async function recordPlace(manager: EntityManager, enrolmentId: string, runId: string, event: PlaceEvent): Promise<void> {
  const run = await manager.findOne(RunEntity, { select: { id: true }, where: { id: runId }, lock: { mode: 'pessimistic_write' } });
  const current = await manager.findOne(RunEnrolmentEntity, { where: { enrolmentId }, lock: { mode: 'pessimistic_write' } });
  const next = nextPlaceState(current, event);
  await manager.upsert(RunEnrolmentEntity, { enrolmentId, runId, ...next, updatedAt: new Date() }, ['enrolmentId']);
  // Not a run of ours (should not happen): the row is kept, there is nothing to count.
  if (!run) return;
  const places = manager.connection.getMetadata(RunEnrolmentEntity).tablePath;
  const runs = manager.connection.getMetadata(RunEntity).tablePath;
  // placesLeft and enrolment follow from places_taken and are in the API, so a changed count moves updated_at (a
  // client syncing with updated_since sees it); a redelivered event that changes nothing leaves it.
  await manager.query(
    `UPDATE ${runs} SET places_taken = taken.count, updated_at = now()
       FROM (SELECT count(*)::int AS count FROM ${places} WHERE run_id = $1 AND holds_place) taken
      WHERE id = $1 AND places_taken <> taken.count`,
    [runId],
  );
}
