import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { EvaluationsService } from './evaluations.service';

/** Erasure reaches this service only by the event: the comments the teacher wrote in evaluations go. */
@Controller()
export class EraseCommentsWhenTeacherErased {
  constructor(private readonly evaluations: EvaluationsService) {}

  @OnEvent(EnrolmentsEvents.TeacherErased)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.TeacherErased>, @Ctx() { manager }: HandlerContext): Promise<void> {
    await this.evaluations.eraseTeacher(manager, event.teacherId);
  }
}
