import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { endMark } from './mark-copy';
import { enrolmentsWhere, redecideEnrolments } from './redecide-enrolments';

/** An expired mark: enrolments from that day on no longer qualify. */
@Controller()
export class EndMarkWhenExpired {
  @OnEvent(QualityEvents.MarkExpired)
  async handle(@Payload() event: EventOf<typeof QualityEvents.MarkExpired>, @Ctx() context: HandlerContext): Promise<void> {
    const endedAt = event.expiredAt ? timestampDate(event.expiredAt) : new Date(context.envelope.occurredAt);
    await endMark({ markId: event.markId, offerId: event.offerId, offerVersion: event.offerVersion, endedAt }, context);
    await redecideEnrolments(context.manager, await enrolmentsWhere(context.manager, 'offer', event.offerId));
  }
}
