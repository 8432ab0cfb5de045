import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';
import { MyDataController } from './my-data.controller';
import { MyEnrolmentsController } from './my-enrolments.controller';
import { MyPathController } from './my-path.controller';
import { OfferPagesController } from './offer-pages.controller';
import { TeamPagesController } from './team-pages.controller';

/** A teacher's pages (find and enrol, my enrolments, my path, my data) and a school leader's (enrol a team, the team's progress). */
@Module({
  imports: [PortalCoreModule],
  controllers: [OfferPagesController, MyEnrolmentsController, MyPathController, MyDataController, TeamPagesController],
})
export class TeacherPagesModule {}
