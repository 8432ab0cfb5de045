import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { recordPlace } from './known-run-store';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** A teacher got a place: one fewer left in the run. */
@Controller()
export class TakePlaceWhenEnrolmentConfirmed {
  @OnEvent(EnrolmentsEvents.EnrolmentConfirmed)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentConfirmed>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(event.enrolment!.enrolmentId, event.enrolment!.runId, 'taken', context);
  }
}
