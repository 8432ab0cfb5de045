import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordEnrolment } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** A teacher got a place from the waiting list: that day is the enrolment date. */
@Controller()
export class RecordEnrolmentWhenPromoted {
  @OnEvent(EnrolmentsEvents.EnrolmentPromoted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentPromoted>, @Ctx() context: HandlerContext): Promise<void> {
    const placedAt = event.promotedAt ? timestampDate(event.promotedAt) : new Date(context.envelope.occurredAt);
    await recordEnrolment(event.enrolment!, { status: 'confirmed', placedAt }, context);
    await redecideEnrolments(context.manager, [event.enrolment!.enrolmentId]);
  }
}
