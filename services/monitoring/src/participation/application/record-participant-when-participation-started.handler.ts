import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { markTopicRead } from '../../reporting/application/topic-freshness';
import { recordParticipation } from './participation-facts';

/** A teacher took part in a run: counted once, from the earliest participation. */
@Controller()
export class RecordParticipantWhenParticipationStarted {
  @OnEvent(EnrolmentsEvents.ParticipationStarted)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.ParticipationStarted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordParticipation(
      { teacherId: event.teacherId, enrolmentId: event.enrolmentId, offerId: event.offerId, sector: event.sector, regionId: event.regionId, startedOn: event.startedOn },
      context,
    );
    await markTopicRead(EnrolmentsEvents.ParticipationStarted, context);
  }
}
