import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordPlace } from './record-place';

/** Frees the place if the enrolment held one (held_place false: it was on the waiting list, the state says the same). */
@Controller()
export class FreePlaceWhenEnrolmentCancelled {
  @OnEvent(EnrolmentsEvents.EnrolmentCancelled)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCancelled>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(context.manager, event.enrolment!.enrolmentId, event.enrolment!.runId, 'cancelled');
  }
}
