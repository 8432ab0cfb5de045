import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { recordMark } from './mark-copy';
import { enrolmentsWhere, redecideEnrolments } from './redecide-enrolments';

/** Approval grants a quality mark: enrolments in the offer from the day of the grant qualify. */
@Controller()
export class RecordMarkWhenOfferApproved {
  @OnEvent(QualityEvents.OfferApproved)
  async handle(@Payload() event: EventOf<typeof QualityEvents.OfferApproved>, @Ctx() context: HandlerContext): Promise<void> {
    const grantedAt = event.decidedAt ? timestampDate(event.decidedAt) : new Date(context.envelope.occurredAt);
    await recordMark({ markId: event.markId, offerId: event.offerId, offerVersion: event.offerVersion, grantedAt, validUntil: timestampDate(event.validUntil!) }, context);
    await redecideEnrolments(context.manager, await enrolmentsWhere(context.manager, 'offer', event.offerId));
  }
}
