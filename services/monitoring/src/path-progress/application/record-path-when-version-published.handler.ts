import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PathsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { markTopicRead } from '../../reporting/application/topic-freshness';
import { recordPathVersion } from './path-facts';

/** A published path version: the path's code and title for the figures. */
@Controller()
export class RecordPathWhenVersionPublished {
  @OnEvent(PathsEvents.PathVersionPublished)
  async handle(@Payload() event: EventOf<typeof PathsEvents.PathVersionPublished>, @Ctx() context: HandlerContext): Promise<void> {
    await recordPathVersion({ pathId: event.pathId, pathCode: event.pathCode, title: event.title, version: event.version }, context);
    await markTopicRead(PathsEvents.PathVersionPublished, context);
  }
}
