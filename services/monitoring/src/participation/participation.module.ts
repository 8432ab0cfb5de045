import { Module } from '@nestjs/common';
import { RecordFormatWhenOfferPublished } from './application/record-format-when-offer-published.handler';
import { RecordFormatWhenOfferUpdated } from './application/record-format-when-offer-updated.handler';
import { RecordParticipantWhenParticipationStarted } from './application/record-participant-when-participation-started.handler';

/** Participants against the 60,000 target: first participations per teacher, and offers' formats for the split. */
@Module({
  controllers: [
    RecordParticipantWhenParticipationStarted,
    RecordFormatWhenOfferPublished,
    RecordFormatWhenOfferUpdated,
  ],
})
export class ParticipationModule {}
