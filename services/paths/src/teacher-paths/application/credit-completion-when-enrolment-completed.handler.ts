import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { CreditedCompletionEntity } from '../infrastructure/credited-completion.entity';
import { refreshTeacherProgress } from './progress-refresh';

/**
 * A completed run counts toward the teacher's paths: stored once per enrolment, then the progress of every path of the
 * teacher is derived again and what changed is announced (StepCompleted, PathCompleted).
 */
@Controller()
export class CreditCompletionWhenEnrolmentCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCompleted>, @Ctx() { manager, envelope }: HandlerContext): Promise<void> {
    const enrolment = event.enrolment!;
    const completedAt = event.completedAt ? timestampDate(event.completedAt) : new Date(envelope.occurredAt);
    await manager
      .createQueryBuilder()
      .insert()
      .into(CreditedCompletionEntity)
      .values({ enrolmentId: enrolment.enrolmentId, teacherId: enrolment.teacherId, offerId: enrolment.offerId, offerVersion: enrolment.offerVersion, completedAt })
      .orIgnore()
      .execute();
    await refreshTeacherProgress(manager, enrolment.teacherId, completedAt);
  }
}
