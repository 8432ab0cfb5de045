import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMilestone } from './path-facts';

/** A step of a teacher's path was completed. */
@Controller()
export class RecordStepWhenStepCompleted {
  @OnEvent(PathsEvents.StepCompleted)
  async handle(@Payload() event: EventOf<typeof PathsEvents.StepCompleted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMilestone(event.teacherPath!, { stepCode: event.stepCode, completed: true, at: eventMoment(event.completedAt, context) }, context);
    await markTopicRead(PathsEvents.StepCompleted, context);
  }
}
