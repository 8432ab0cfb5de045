import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { recordPlace } from './known-run-store';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A cancelled enrolment holds no place (until the waiting list moves up, which has its own event). */
@Controller()
export class FreePlaceWhenEnrolmentCancelled {
  @OnEvent(EnrolmentsEvents.EnrolmentCancelled)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCancelled>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(event.enrolment!.enrolmentId, event.enrolment!.runId, 'cancelled', context);
  }
}
