import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { recordPlace } from './known-run-store';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A teacher moved up from the waiting list into a place. */
@Controller()
export class TakePlaceWhenEnrolmentPromoted {
  @OnEvent(EnrolmentsEvents.EnrolmentPromoted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentPromoted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(event.enrolment!.enrolmentId, event.enrolment!.runId, 'taken', context);
  }
}
