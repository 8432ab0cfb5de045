import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordTeacherPath } from './path-facts';

/** A teacher started a path. */
@Controller()
export class RecordTeacherPathWhenPathStarted {
  @OnEvent(PathsEvents.PathStarted)
  async handle(@Payload() event: EventOf<typeof PathsEvents.PathStarted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordTeacherPath(event.teacherPath!, eventMoment(event.startedAt, context), context);
    await markTopicRead(PathsEvents.PathStarted, context);
  }
}
