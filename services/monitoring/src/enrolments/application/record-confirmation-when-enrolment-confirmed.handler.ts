import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEnrolmentMoment } from './enrolment-facts';

/** A teacher got a place: an enrolment. */
@Controller()
export class RecordConfirmationWhenEnrolmentConfirmed {
  @OnEvent(EnrolmentsEvents.EnrolmentConfirmed)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentConfirmed>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolmentMoment(event.enrolment!, 'confirmed_at', eventMoment(event.confirmedAt, context), context);
    await markTopicRead(EnrolmentsEvents.EnrolmentConfirmed, context);
  }
}
