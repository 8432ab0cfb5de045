import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordPlace } from './record-place';

/** A place came free and a waiting teacher got it. */
@Controller()
export class TakePlaceWhenEnrolmentPromoted {
  @OnEvent(EnrolmentsEvents.EnrolmentPromoted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentPromoted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(context.manager, event.enrolment!.enrolmentId, event.enrolment!.runId, 'promoted');
  }
}
