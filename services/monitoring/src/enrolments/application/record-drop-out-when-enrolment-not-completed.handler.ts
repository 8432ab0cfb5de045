import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEnrolmentMoment } from './enrolment-facts';

/** The teacher did not complete the run: a drop-out (the reason code is not needed for the figures). */
@Controller()
export class RecordDropOutWhenEnrolmentNotCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentNotCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentNotCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolmentMoment(event.enrolment!, 'not_completed_at', eventMoment(event.recordedAt, context), context);
    await markTopicRead(EnrolmentsEvents.EnrolmentNotCompleted, context);
  }
}
