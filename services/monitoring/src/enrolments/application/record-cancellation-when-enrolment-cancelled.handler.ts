import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEnrolmentMoment } from './enrolment-facts';

/** An enrolment was cancelled (before the run; a drop-out during it is EnrolmentNotCompleted). */
@Controller()
export class RecordCancellationWhenEnrolmentCancelled {
  @OnEvent(EnrolmentsEvents.EnrolmentCancelled)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCancelled>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolmentMoment(event.enrolment!, 'cancelled_at', eventMoment(event.cancelledAt, context), context);
    await markTopicRead(EnrolmentsEvents.EnrolmentCancelled, context);
  }
}
