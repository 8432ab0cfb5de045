import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type RunCancelled } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { KnownRunEntity } from '../../runs/infrastructure/known-run.entity';
import { cancelAllOfRun, lockRun } from './enrolment-store';

/**
 * A cancelled run takes no enrolments, and every active enrolment in it ends with cause RUN_CANCELLED; each
 * teacher is told. Under the run's lock, so no enrolment slips in between.
 */
@Controller()
export class CancelEnrolmentsWhenRunCancelled {
  @OnEvent(CatalogueEvents.RunCancelled)
  async handle(@Payload() event: RunCancelled, @Ctx() { manager, envelope, publish }: HandlerContext): Promise<void> {
    const run = await lockRun(manager, event.runId);
    if (!run) return; // never scheduled here, so nobody enrolled
    // Cancelled is final, in whatever order events come: no change applies to a cancelled copy (known-run-store).
    const revision = event.revision > BigInt(run.sourceRevision) ? event.revision : BigInt(run.sourceRevision);
    await manager.update(KnownRunEntity, { runId: run.runId }, { status: 'cancelled', sourceVersion: new Date(envelope.occurredAt), sourceRevision: revision.toString() });
    run.status = 'cancelled';
    await cancelAllOfRun(manager, run, publish);
  }
}
