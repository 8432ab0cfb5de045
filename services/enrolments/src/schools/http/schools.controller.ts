import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Roles } from '@napl/auth';
import { registerSchool, type SchoolView } from '../application/register-school';
import { SchoolEntity } from '../infrastructure/school.entity';
import { RegisterSchoolDto, SchoolDto, SchoolParams } from './school.dto';

@ApiTags('schools')
@ApiBearerAuth()
@Controller('v1/schools')
export class SchoolsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Bekende schoolvestigingen met hun onderwijsregio.' })
  @ApiOkResponse({ type: [SchoolDto] })
  list(): Promise<SchoolDto[]> {
    return this.dataSource.getRepository(SchoolEntity).find({ order: { schoolId: 'ASC' } });
  }

  @Put(':schoolId')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een schoolvestiging met haar onderwijsregio vastleggen of corrigeren (het ministerie beheert de lijst).' })
  @ApiCreatedResponse({ type: SchoolDto, description: 'Vastgelegd.' })
  @ApiOkResponse({ type: SchoolDto, description: 'Bijgewerkt.' })
  @ApiForbiddenResponse({ description: 'Alleen het ministerie of een beheerder.' })
  async register(
    @Param() params: SchoolParams,
    @Body() body: RegisterSchoolDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SchoolView> {
    const { school, created } = await registerSchool(this.dataSource, params.schoolId, body);
    response.status(created ? 201 : 200);
    return school;
  }
}
