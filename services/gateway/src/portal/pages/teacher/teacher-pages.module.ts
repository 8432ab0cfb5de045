import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';

/** A teacher's pages (find and enrol, my enrolments, my path, my data) and a school leader's (enrol a team, the team's progress). */
@Module({
  imports: [PortalCoreModule],
  controllers: [],
})
export class TeacherPagesModule {}
