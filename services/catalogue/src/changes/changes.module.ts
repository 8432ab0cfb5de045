import { Module } from '@nestjs/common';
import { ChangeFeedService } from './application/change-feed.service';
import { ChangesController } from './http/changes.controller';

/** The provider's change feed: decisions on its offers, so provider systems need not poll every offer. */
@Module({ providers: [ChangeFeedService], controllers: [ChangesController] })
export class ChangesModule {}
