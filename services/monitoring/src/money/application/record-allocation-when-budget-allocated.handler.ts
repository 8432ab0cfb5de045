import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordAllocation } from './money-facts';

/** A region's budget for a year was set (the amount is the new total). */
@Controller()
export class RecordAllocationWhenBudgetAllocated {
  @OnEvent(ReimbursementEvents.BudgetAllocated)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.BudgetAllocated>, @Ctx() context: HandlerContext): Promise<void> {
    await recordAllocation(
      { regionId: event.regionId, year: event.year, amountCents: event.amountCents, trancheCode: event.trancheCode, allocatedAt: eventMoment(event.allocatedAt, context) },
      context,
    );
    await markTopicRead(ReimbursementEvents.BudgetAllocated, context);
  }
}
