import { Body, Controller, Delete, Get, HttpCode, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { UuidParam } from '../../shared/uuid-param';
import { teacherIdOf, TeachersService, type TeacherView } from '../application/teachers.service';
import { RegisterTeacherDto, TeacherViewDto } from './teacher.dto';

@ApiTags('teachers')
@ApiBearerAuth()
@Controller('v1/teachers')
export class TeachersController {
  constructor(private readonly teachers: TeachersService) {}

  @Put('me')
  @Roles('teacher')
  @ApiOperation({ summary: 'Eigen docentprofiel registreren of bijwerken (sector, school, naam, e-mail).' })
  @ApiOkResponse({ type: TeacherViewDto, description: 'Bijgewerkt.' })
  @ApiCreatedResponse({ type: TeacherViewDto, description: 'Geregistreerd.' })
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterTeacherDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TeacherView> {
    const { teacher, created } = await this.teachers.register(principal, body);
    response.status(created ? 201 : 200);
    return teacher;
  }

  @Get('me')
  @Roles('teacher')
  @ApiOperation({ summary: 'Eigen docentprofiel.' })
  @ApiOkResponse({ type: TeacherViewDto })
  @ApiNotFoundResponse({ description: 'Nog niet geregistreerd.' })
  me(@CurrentPrincipal() principal: Principal): Promise<TeacherView> {
    return this.teachers.get(principal, teacherIdOf(principal));
  }

  @Get(':teacherId')
  @Roles('teacher', 'school-leader', 'admin')
  @ApiOperation({ summary: 'Een docent: de docent zelf, een schoolleider van diens school of een beheerder.' })
  @ApiParam({ name: 'teacherId', format: 'uuid' })
  @ApiOkResponse({ type: TeacherViewDto })
  @ApiNotFoundResponse({ description: 'Onbekende docent, of een die niet de uwe is of niet van uw school (hetzelfde antwoord).' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('teacherId') teacherId: string): Promise<TeacherView> {
    return this.teachers.get(principal, teacherId);
  }

  @Delete(':teacherId/personal-data')
  @HttpCode(204)
  @Roles('teacher', 'admin')
  @ApiOperation({
    summary:
      'Persoonsgegevens wissen op verzoek: naam, e-mail, toelichtingen van aanbieders bij resultaten, berichten, en (via TeacherErased) evaluatietoelichtingen; het pseudonieme id, de inschrijvingen en alle tellingen blijven.',
  })
  @ApiParam({ name: 'teacherId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Gewist.' })
  @ApiForbiddenResponse({ description: 'Alleen de docent zelf of een beheerder.' })
  async erase(@CurrentPrincipal() principal: Principal, @UuidParam('teacherId') teacherId: string): Promise<void> {
    await this.teachers.erasePersonalData(principal, teacherId);
  }
}
