import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMarkEnd } from './quality-facts';

/** A quality mark expired. */
@Controller()
export class RecordMarkEndWhenMarkExpired {
  @OnEvent(QualityEvents.MarkExpired)
  async handle(@Payload() event: EventOf<typeof QualityEvents.MarkExpired>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMarkEnd({ markId: event.markId, offerId: event.offerId, kind: 'expired', endedAt: eventMoment(event.expiredAt, context) }, context);
    await markTopicRead(QualityEvents.MarkExpired, context);
  }
}
