import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordEnrolment } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** Not completed: counts only under a rule that asks just a start, and only if the teacher started. */
@Controller()
export class EndEnrolmentWhenNotCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentNotCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentNotCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolment(event.enrolment!, { status: 'not-completed', sessionsAttended: event.sessionsAttended, started: event.sessionsAttended > 0 }, context);
    await redecideEnrolments(context.manager, [event.enrolment!.enrolmentId]);
  }
}
