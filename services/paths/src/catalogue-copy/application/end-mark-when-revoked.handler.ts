import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { endMark } from './known-mark-store';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { refreshProgressForOffer } from '../../teacher-paths/application/progress-refresh';

/** A revoked mark: completions after it no longer count for steps. */
@Controller()
export class EndMarkWhenRevoked {
  @OnEvent(QualityEvents.MarkRevoked)
  async handle(@Payload() event: EventOf<typeof QualityEvents.MarkRevoked>, @Ctx() context: HandlerContext): Promise<void> {
    await endMark({ markId: event.markId, offerId: event.offerId, offerVersion: event.offerVersion, endedAt: event.revokedAt ? timestampDate(event.revokedAt) : new Date(context.envelope.occurredAt) }, context);
    // Completions that arrived before these facts may count now.
    await refreshProgressForOffer(context.manager, event.offerId, new Date(context.envelope.occurredAt));
  }
}
