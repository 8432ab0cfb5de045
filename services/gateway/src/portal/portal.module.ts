import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AssetsController } from './http/assets.controller';
import { PortalNotFoundFilter } from './http/not-found.filter';
import { AssessorPagesModule } from './pages/assessor/assessor-pages.module';
import { MinistryPagesModule } from './pages/ministry/ministry-pages.module';
import { ProviderPagesModule } from './pages/provider/provider-pages.module';
import { RebuildPagesController } from './pages/rebuilds/rebuild-pages.controller';
import { RegionPagesModule } from './pages/region/region-pages.module';
import { StartPagesController } from './pages/start.controller';
import { TeacherPagesModule } from './pages/teacher/teacher-pages.module';
import { PortalCoreModule } from './portal-core.module';

/**
 * The web portal: server-rendered Dutch pages for every role (NL Design System components, working without
 * JavaScript), behind the gateway's sign-in. It keeps no data: every page reads and writes through the services'
 * APIs as the signed-in user (PortalApi), so every service still checks role and scope itself.
 */
@Module({
  imports: [PortalCoreModule, TeacherPagesModule, ProviderPagesModule, AssessorPagesModule, RegionPagesModule, MinistryPagesModule],
  controllers: [AssetsController, StartPagesController, RebuildPagesController],
  providers: [{ provide: APP_FILTER, useClass: PortalNotFoundFilter }],
})
export class PortalModule {}

