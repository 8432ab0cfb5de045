import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMilestone } from './path-facts';

/** Every step of a teacher's path is completed. */
@Controller()
export class RecordCompletionWhenPathCompleted {
  @OnEvent(PathsEvents.PathCompleted)
  async handle(@Payload() event: EventOf<typeof PathsEvents.PathCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMilestone(event.teacherPath!, { stepCode: '', completed: true, at: eventMoment(event.completedAt, context) }, context);
    await markTopicRead(PathsEvents.PathCompleted, context);
  }
}
