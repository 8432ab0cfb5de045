import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordEnrolment } from './enrolment-copy';
import { redecideEnrolments } from './redecide-enrolments';

/** A teacher got a place: the day chooses the rule version and the quality mark that count. */
@Controller()
export class RecordEnrolmentWhenConfirmed {
  @OnEvent(EnrolmentsEvents.EnrolmentConfirmed)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentConfirmed>, @Ctx() context: HandlerContext): Promise<void> {
    const placedAt = event.confirmedAt ? timestampDate(event.confirmedAt) : new Date(context.envelope.occurredAt);
    await recordEnrolment(event.enrolment!, { status: 'confirmed', placedAt }, context);
    await redecideEnrolments(context.manager, [event.enrolment!.enrolmentId]);
  }
}
