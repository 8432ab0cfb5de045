import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEnrolmentMoment } from './enrolment-facts';

/** A teacher got a place from the waiting list: an enrolment as much as a confirmation. */
@Controller()
export class RecordConfirmationWhenEnrolmentPromoted {
  @OnEvent(EnrolmentsEvents.EnrolmentPromoted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentPromoted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolmentMoment(event.enrolment!, 'confirmed_at', eventMoment(event.promotedAt, context), context);
    await markTopicRead(EnrolmentsEvents.EnrolmentPromoted, context);
  }
}
