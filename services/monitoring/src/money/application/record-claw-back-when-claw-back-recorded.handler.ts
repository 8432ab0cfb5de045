import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMovements } from './money-facts';

/** Money paid earlier was taken back. */
@Controller()
export class RecordClawBackWhenClawBackRecorded {
  @OnEvent(ReimbursementEvents.ClawBackRecorded)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.ClawBackRecorded>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMovements(
      { sourceId: event.statementId, regionId: event.regionId, kind: 'clawed-back', at: eventMoment(event.recordedAt, context), amounts: event.clawedBack },
      context,
    );
    await markTopicRead(ReimbursementEvents.ClawBackRecorded, context);
  }
}
