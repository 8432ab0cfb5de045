import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { upsertRun } from './known-run-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A run of an offer: suggested while it has places left and takes enrolments. */
@Controller()
export class RecordRunWhenScheduled {
  @OnEvent(CatalogueEvents.RunScheduled)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunScheduled>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertRun(event.run!, event.revision, context);
  }
}
