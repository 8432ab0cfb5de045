import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { recordMark } from './known-mark-store';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { refreshProgressForOffer } from '../../teacher-paths/application/progress-refresh';

/** Approval grants a quality mark: completions of the offer count for path steps while it is valid. */
@Controller()
export class RecordMarkWhenOfferApproved {
  @OnEvent(QualityEvents.OfferApproved)
  async handle(@Payload() event: EventOf<typeof QualityEvents.OfferApproved>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMark({ markId: event.markId, offerId: event.offerId, offerVersion: event.offerVersion, validUntil: timestampDate(event.validUntil!) }, context);
    // Completions that arrived before these facts may count now.
    await refreshProgressForOffer(context.manager, event.offerId, new Date(context.envelope.occurredAt));
  }
}
