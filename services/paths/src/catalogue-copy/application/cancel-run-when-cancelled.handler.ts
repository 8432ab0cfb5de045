import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { cancelRun } from './known-run-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A cancelled run is no longer suggested. */
@Controller()
export class CancelRunWhenCancelled {
  @OnEvent(CatalogueEvents.RunCancelled)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunCancelled>, @Ctx() context: HandlerContext): Promise<void> {
    await cancelRun(event.runId, event.offerId, event.revision, context);
  }
}
