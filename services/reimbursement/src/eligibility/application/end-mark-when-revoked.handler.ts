import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { endMark } from './mark-copy';
import { enrolmentsWhere, redecideEnrolments } from './redecide-enrolments';

/** A revoked mark: enrolments from that day on no longer qualify; earlier ones keep the mark they enrolled under. */
@Controller()
export class EndMarkWhenRevoked {
  @OnEvent(QualityEvents.MarkRevoked)
  async handle(@Payload() event: EventOf<typeof QualityEvents.MarkRevoked>, @Ctx() context: HandlerContext): Promise<void> {
    const endedAt = event.revokedAt ? timestampDate(event.revokedAt) : new Date(context.envelope.occurredAt);
    await endMark({ markId: event.markId, offerId: event.offerId, offerVersion: event.offerVersion, endedAt }, context);
    await redecideEnrolments(context.manager, await enrolmentsWhere(context.manager, 'offer', event.offerId));
  }
}
