import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMovements } from './money-facts';

/** A statement was paid. */
@Controller()
export class RecordPaymentWhenPaymentIssued {
  @OnEvent(ReimbursementEvents.PaymentIssued)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.PaymentIssued>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMovements({ sourceId: event.statementId, regionId: event.regionId, kind: 'paid', at: eventMoment(event.paidAt, context), amounts: event.paid }, context);
    await markTopicRead(ReimbursementEvents.PaymentIssued, context);
  }
}
