import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordEnrolment } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** A cancelled enrolment does not count; one already claimed is released or clawed back (redecideEnrolments). */
@Controller()
export class EndEnrolmentWhenCancelled {
  @OnEvent(EnrolmentsEvents.EnrolmentCancelled)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCancelled>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEnrolment(event.enrolment!, { status: 'cancelled' }, context);
    await redecideEnrolments(context.manager, [event.enrolment!.enrolmentId]);
  }
}
