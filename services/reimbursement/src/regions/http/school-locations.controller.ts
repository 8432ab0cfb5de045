import { Body, Controller, Delete, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Roles } from '@napl/auth';
import { assignSchoolLocation, removeSchoolLocation } from '../application/assign-school-location';
import type { SchoolLocationView } from '../application/region-views';
import { schoolLocationNotFound } from '../domain/region.errors';
import { AssignSchoolLocationDto, SchoolLocationResponse } from './region.dto';
import { newSchoolIdPipe, schoolIdPipe } from './region-params';

@ApiTags('onderwijsregio’s')
@ApiBearerAuth()
@Controller('v1/school-locations')
export class SchoolLocationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Put(':schoolId')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een schoolvestiging in een onderwijsregio plaatsen of naar een andere verplaatsen (hoogstens één regio)' })
  @ApiCreatedResponse({ type: SchoolLocationResponse, description: 'Geplaatst.' })
  @ApiOkResponse({ type: SchoolLocationResponse, description: 'Verplaatst of bijgewerkt.' })
  @ApiConflictResponse({ description: 'De regio is gesloten (REGION_CLOSED).' })
  async assign(@Param('schoolId', newSchoolIdPipe) schoolId: string, @Body() body: AssignSchoolLocationDto, @Res({ passthrough: true }) response: Response): Promise<SchoolLocationView> {
    const { location, created } = await assignSchoolLocation(this.dataSource, schoolId, body);
    response.status(created ? 201 : 200);
    return location;
  }

  @Delete(':schoolId')
  @Roles('ministry', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Een schoolvestiging uit haar onderwijsregio halen' })
  @ApiNoContentResponse({ description: 'De vestiging hoort bij geen regio meer.' })
  @ApiNotFoundResponse({ description: 'De vestiging hoorde bij geen regio (SCHOOL_LOCATION_NOT_FOUND).' })
  async remove(@Param('schoolId', schoolIdPipe) schoolId: string): Promise<void> {
    if (!(await removeSchoolLocation(this.dataSource, schoolId))) throw schoolLocationNotFound();
  }
}
