import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordPlace } from './record-place';

@Controller()
export class TakePlaceWhenEnrolmentConfirmed {
  @OnEvent(EnrolmentsEvents.EnrolmentConfirmed)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentConfirmed>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPlace(context.manager, event.enrolment!.enrolmentId, event.enrolment!.runId, 'confirmed');
  }
}
