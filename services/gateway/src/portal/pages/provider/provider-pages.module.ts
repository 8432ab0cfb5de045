import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';

/** A provider's pages: offers and their assessment, runs, participants, attendance and results, evaluations, API tokens. */
@Module({
  imports: [PortalCoreModule],
  controllers: [],
})
export class ProviderPagesModule {}
