import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { EventHandlerProvider, type EventHandler, type HandlerContext } from '@napl/messaging';
import { EvaluationInvitationEntity } from '../infrastructure/evaluation.entities';

/** A teacher who completed a run may evaluate its offer, once per enrolment. */
@Injectable()
@EventHandlerProvider()
export class InviteEvaluationWhenCompleted implements EventHandler<typeof EnrolmentsEvents.EnrolmentCompleted> {
  readonly contract = EnrolmentsEvents.EnrolmentCompleted;

  async handle(event: EventOf<typeof EnrolmentsEvents.EnrolmentCompleted>, { manager, envelope }: HandlerContext): Promise<void> {
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
