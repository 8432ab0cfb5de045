import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMarkEnd } from './quality-facts';

/** The ministry revoked a quality mark. */
@Controller()
export class RecordMarkEndWhenMarkRevoked {
  @OnEvent(QualityEvents.MarkRevoked)
  async handle(@Payload() event: EventOf<typeof QualityEvents.MarkRevoked>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMarkEnd({ markId: event.markId, offerId: event.offerId, kind: 'revoked', endedAt: eventMoment(event.revokedAt, context) }, context);
    await markTopicRead(QualityEvents.MarkRevoked, context);
  }
}
