import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { enrolmentsWhere, redecideEnrolments } from './redecide-enrolments';
import { recordRun } from './run-copy';

/** A run's number of sessions: the measure of attendance. */
@Controller()
export class RecordRunWhenScheduled {
  @OnEvent(CatalogueEvents.RunScheduled)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.RunScheduled>, @Ctx() context: HandlerContext): Promise<void> {
    await recordRun(event.run!, event.revision, context);
    await redecideEnrolments(context.manager, await enrolmentsWhere(context.manager, 'run', event.run!.runId));
  }
}
