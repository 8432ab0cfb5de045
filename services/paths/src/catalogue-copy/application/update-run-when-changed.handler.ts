import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { upsertRun } from './known-run-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A run's dates, places or place changed. */
@Controller()
export class UpdateRunWhenChanged {
  @OnEvent(CatalogueEvents.RunChanged)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunChanged>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertRun(event.run!, event.revision, context);
  }
}
