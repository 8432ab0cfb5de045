import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { TeamViewService, type ConsentView, type TeamView } from '../application/team-view.service';
import { TeacherPathError } from '../domain/teacher-path.errors';
import { ConsentDto, ConsentResponse } from './teacher-path.dto';

const SCHOOL_ID = /^\d{2}[A-Z]{2}\d{2}$/;
const TEACHER_ID = /^[A-Za-z0-9-]{1,64}$/;

function schoolIdOf(value: string): string {
  if (!SCHOOL_ID.test(value)) throw new TeacherPathError('SCHOOL_NOT_YOURS', 'forbidden', 'U ziet alleen het team van uw eigen school.');
  return value;
}

function teacherIdOf(value: string): string {
  if (!TEACHER_ID.test(value)) throw new TeacherPathError('CONSENT_NOT_YOURS', 'forbidden', 'Alleen de leraar zelf kan toestemming geven of intrekken.');
  return value;
}

@ApiTags('team')
@ApiBearerAuth()
@Controller('v1')
export class TeamViewController {
  constructor(private readonly team: TeamViewService) {}

  @Get('schools/:schoolId/team-paths')
  @Roles('school-leader')
  @ApiOperation({ summary: 'Het team van mijn school: aantallen per pad en stap; per leraar alleen met toestemming' })
  teamPaths(@CurrentPrincipal() principal: Principal, @Param('schoolId') schoolId: string): Promise<TeamView> {
    return this.team.team(principal, schoolIdOf(schoolId));
  }

  @Get('teachers/:teacherId/team-view-consent')
  @Roles('teacher')
  @ApiOperation({ summary: 'Mijn toestemming voor het teamoverzicht van de schoolleider' })
  @ApiOkResponse({ type: ConsentResponse })
  consent(@CurrentPrincipal() principal: Principal, @Param('teacherId') teacherId: string): Promise<ConsentView> {
    return this.team.consent(principal, teacherIdOf(teacherId));
  }

  @Put('teachers/:teacherId/team-view-consent')
  @Roles('teacher')
  @ApiOperation({ summary: 'Toestemming geven of intrekken; alleen voor uzelf' })
  @ApiOkResponse({ type: ConsentResponse })
  setConsent(@CurrentPrincipal() principal: Principal, @Param('teacherId') teacherId: string, @Body() body: ConsentDto): Promise<ConsentView> {
    return this.team.setConsent(principal, teacherIdOf(teacherId), body.given);
  }
}
