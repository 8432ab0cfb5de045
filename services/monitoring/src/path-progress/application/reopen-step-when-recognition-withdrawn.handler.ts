import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMilestone } from './path-facts';

/** A withdrawn recognition: the step no longer counts only when it reopened. */
@Controller()
export class ReopenStepWhenRecognitionWithdrawn {
  @OnEvent(PathsEvents.StepRecognitionWithdrawn)
  async handle(@Payload() event: EventOf<typeof PathsEvents.StepRecognitionWithdrawn>, @Ctx() context: HandlerContext): Promise<void> {
    if (event.stepReopened) {
      await recordMilestone(event.teacherPath!, { stepCode: event.stepCode, completed: false, at: eventMoment(event.withdrawnAt, context) }, context);
    }
    await markTopicRead(PathsEvents.StepRecognitionWithdrawn, context);
  }
}
