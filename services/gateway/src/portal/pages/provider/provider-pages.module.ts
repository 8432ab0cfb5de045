import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../../../api-tokens/api-tokens.module';
import { PortalCoreModule } from '../../portal-core.module';
import { ApiTokensPagesController } from './api-tokens-pages.controller';
import { OffersPagesController } from './offers-pages.controller';
import { RunsPagesController } from './runs-pages.controller';

/**
 * A provider's pages: offers and their assessment, runs, participants, attendance and results, evaluations, API tokens
 * (the gateway's own ApiTokensModule, not a service's API).
 */
@Module({
  imports: [PortalCoreModule, ApiTokensModule],
  controllers: [OffersPagesController, RunsPagesController, ApiTokensPagesController],
})
export class ProviderPagesModule {}
