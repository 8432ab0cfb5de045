import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEnrolmentMoment } from './enrolment-facts';

/** The teacher completed the run. */
@Controller()
export class RecordCompletionWhenEnrolmentCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolmentMoment(event.enrolment!, 'completed_at', eventMoment(event.completedAt, context), context);
    await markTopicRead(EnrolmentsEvents.EnrolmentCompleted, context);
  }
}
