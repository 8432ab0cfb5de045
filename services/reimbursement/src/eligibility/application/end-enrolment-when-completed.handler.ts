import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordEnrolment } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** A completion with the sessions attended: whether the participation counts is the rule version's business. */
@Controller()
export class EndEnrolmentWhenCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolment(event.enrolment!, { status: 'completed', sessionsAttended: event.sessionsAttended, started: true }, context);
    await redecideEnrolments(context.manager, [event.enrolment!.enrolmentId]);
  }
}
