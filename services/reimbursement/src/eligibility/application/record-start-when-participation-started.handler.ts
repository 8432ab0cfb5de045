import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordStart } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** The participation started: enough under a rule that asks only a start. */
@Controller()
export class RecordStartWhenParticipationStarted {
  @OnEvent(EnrolmentsEvents.ParticipationStarted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.ParticipationStarted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordStart({ enrolmentId: event.enrolmentId, teacherId: event.teacherId, runId: event.runId, offerId: event.offerId }, context);
    await redecideEnrolments(context.manager, [event.enrolmentId]);
  }
}
