import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { lockRun, promoteWaitingList } from '../../enrolments/application/enrolment-store';
import { waitingListMovesUp } from '../../enrolments/domain/enrolment-rules';
import { KnownRunEntity } from '../infrastructure/known-run.entity';
import { upsertKnownRun } from './known-run-store';

/**
 * Applies a change of a run. When it raises the capacity of a run that is scheduled and has not started, the
 * new places go to the waiting list in order, exactly as when a teacher cancels. A lowered capacity bumps
 * nobody: confirmed enrolments stay, and new ones are waitlisted until places free up.
 */
@Controller()
export class UpdateRunWhenChanged {
  @OnEvent(CatalogueEvents.RunChanged)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunChanged>, @Ctx() context: HandlerContext): Promise<void> {
    const { manager, publish } = context;
    // The lock every enrolment command takes first: places are counted with no enrolment in between.
    const before = await lockRun(manager, event.run!.runId);
    await upsertKnownRun(event.run!, event.revision, context);
    if (!before) return; // not known until now, so nobody is waiting
    // Read back what was applied: a late, older change leaves the row (and its capacity) as it was.
    const run = await manager.findOneByOrFail(KnownRunEntity, { runId: before.runId });
    if (run.capacity > before.capacity && waitingListMovesUp(run, new Date())) {
      // Counts places under the lock, so a redelivered or repeated change finds none free and promotes nobody twice.
      await promoteWaitingList(manager, run, publish);
    }
  }
}
