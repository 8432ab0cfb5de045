import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, type EventOf, type RunSnapshot } from '@napl/contracts';
import { EventHandlerProvider, type EventHandler, type HandlerContext } from '@napl/messaging';
import { lockRun, promoteWaitingList } from '../../enrolments/application/enrolment-store';
import { waitingListMovesUp } from '../../enrolments/domain/enrolment-rules';
import { KnownRunEntity } from '../infrastructure/known-run.entity';

/** Keeps the local copy of a run up to date when the catalogue schedules or changes it. */
@Injectable()
@EventHandlerProvider()
export class RecordRunWhenScheduled implements EventHandler<typeof CatalogueEvents.RunScheduled> {
  readonly contract = CatalogueEvents.RunScheduled;

  async handle(event: EventOf<typeof CatalogueEvents.RunScheduled>, context: HandlerContext): Promise<void> {
    await upsertKnownRun(event.run!, context);
  }
}

/**
 * Applies a change of a run. When it raises the capacity of a run that is scheduled and has not started, the
 * new places go to the waiting list in order, exactly as when a teacher cancels. A lowered capacity bumps
 * nobody: confirmed enrolments stay, and new ones are waitlisted until places free up.
 */
@Injectable()
@EventHandlerProvider()
export class UpdateRunWhenChanged implements EventHandler<typeof CatalogueEvents.RunChanged> {
  readonly contract = CatalogueEvents.RunChanged;

  async handle(event: EventOf<typeof CatalogueEvents.RunChanged>, context: HandlerContext): Promise<void> {
    const { manager, publish } = context;
    // The lock every enrolment command takes first: places are counted with no enrolment in between.
    const before = await lockRun(manager, event.run!.runId);
    await upsertKnownRun(event.run!, context);
    if (!before) return; // not known until now, so nobody is waiting
    // Read back what was applied: a late, older change leaves the row (and its capacity) as it was.
    const run = await manager.findOneByOrFail(KnownRunEntity, { runId: before.runId });
    if (run.capacity > before.capacity && waitingListMovesUp(run, new Date())) {
      // Counts places under the lock, so a redelivered or repeated change finds none free and promotes nobody twice.
      await promoteWaitingList(manager, run, publish);
    }
  }
}

async function upsertKnownRun(run: RunSnapshot, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownRunEntity).tablePath;
  // A late, older change must not overwrite a newer one; a cancelled run stays cancelled.
  await manager.query(
    `INSERT INTO ${table} (run_id, offer_id, offer_version, provider_id, start_date, end_date, enrolment_deadline,
                           capacity, price_cents, status, source_version, session_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'scheduled', $10, $11)
     ON CONFLICT (run_id) DO UPDATE SET
       offer_id = EXCLUDED.offer_id, offer_version = EXCLUDED.offer_version, provider_id = EXCLUDED.provider_id,
       start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, enrolment_deadline = EXCLUDED.enrolment_deadline,
       capacity = EXCLUDED.capacity, price_cents = EXCLUDED.price_cents, source_version = EXCLUDED.source_version,
       session_count = EXCLUDED.session_count
     WHERE ${table}.source_version < EXCLUDED.source_version AND ${table}.status <> 'cancelled'`,
    [
      run.runId,
      run.offerId,
      run.offerVersion,
      run.providerId,
      run.startDate,
      run.endDate,
      run.enrolmentDeadline ? timestampDate(run.enrolmentDeadline) : null,
      run.capacity,
      run.priceCents.toString(),
      new Date(envelope.occurredAt),
      run.sessionCount,
    ],
  );
}
