import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { upsertKnownRun } from './known-run-store';

/** Keeps the local copy of a run up to date when the catalogue schedules or changes it. */
@Controller()
export class RecordRunWhenScheduled {
  @OnEvent(CatalogueEvents.RunScheduled)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunScheduled>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertKnownRun(event.run!, event.revision, context);
  }
}
