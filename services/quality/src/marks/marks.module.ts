import { Module } from '@nestjs/common';
import { MarkExpiryScheduler } from './application/mark-expiry.scheduler';
import { MarksService } from './application/marks.service';
import { MarksController } from './http/marks.controller';

/** Quality marks: issued on approval, expired by the scheduler, revoked by the ministry. */
@Module({ providers: [MarksService, MarkExpiryScheduler], controllers: [MarksController], exports: [MarksService] })
export class MarksModule {}
