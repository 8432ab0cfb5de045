import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMilestone } from './path-facts';

/** A completed path is no longer completed. */
@Controller()
export class UndoCompletionWhenPathCompletionWithdrawn {
  @OnEvent(PathsEvents.PathCompletionWithdrawn)
  async handle(@Payload() event: EventOf<typeof PathsEvents.PathCompletionWithdrawn>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMilestone(event.teacherPath!, { stepCode: '', completed: false, at: eventMoment(event.withdrawnAt, context) }, context);
    await markTopicRead(PathsEvents.PathCompletionWithdrawn, context);
  }
}
