import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { EvaluationInvitationEntity } from '../infrastructure/evaluation.entities';

/** A teacher who completed a run may evaluate its offer, once per enrolment. */
@Controller()
export class InviteEvaluationWhenCompleted {
  @OnEvent(EnrolmentsEvents.EnrolmentCompleted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.EnrolmentCompleted>, @Ctx() { manager, envelope }: HandlerContext): Promise<void> {
    const enrolment = event.enrolment!;
    await manager
      .createQueryBuilder()
      .insert()
      .into(EvaluationInvitationEntity)
      .values({
        enrolmentId: enrolment.enrolmentId,
        teacherId: enrolment.teacherId,
        offerId: enrolment.offerId,
        offerVersion: enrolment.offerVersion,
        providerId: enrolment.providerId || null,
        completedAt: event.completedAt ? timestampDate(event.completedAt) : new Date(envelope.occurredAt),
      })
      .orIgnore()
      .execute();
  }
}
