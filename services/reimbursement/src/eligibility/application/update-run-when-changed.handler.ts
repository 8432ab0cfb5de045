import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { enrolmentsWhere, redecideEnrolments } from './redecide-enrolments';
import { recordRun } from './run-copy';

/** A changed run may have another number of sessions: attendance is measured against the newest. */
@Controller()
export class UpdateRunWhenChanged {
  @OnEvent(CatalogueEvents.RunChanged)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunChanged>, @Ctx() context: HandlerContext): Promise<void> {
    await recordRun(event.run!, event.revision, context);
    await redecideEnrolments(context.manager, await enrolmentsWhere(context.manager, 'run', event.run!.runId));
  }
}
