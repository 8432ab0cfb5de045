import { Injectable } from '@nestjs/common';
import { CatalogueEvents, type RunCancelled } from '@napl/contracts';
import { EventHandlerProvider, type EventHandler, type HandlerContext } from '@napl/messaging';
import { KnownRunEntity } from '../infrastructure/known-run.entity';

/** A cancelled run takes no enrolments; cancelling its enrolments follows in the enrolments feature. */
@Injectable()
@EventHandlerProvider()
export class MarkRunCancelledWhenCancelled implements EventHandler<typeof CatalogueEvents.RunCancelled> {
  readonly contract = CatalogueEvents.RunCancelled;

  async handle(event: RunCancelled, { manager, envelope }: HandlerContext): Promise<void> {
    await manager.update(KnownRunEntity, { runId: event.runId }, { status: 'cancelled', sourceVersion: new Date(envelope.occurredAt) });
  }
}
