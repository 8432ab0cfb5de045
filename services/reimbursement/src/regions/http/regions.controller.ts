import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { PageQuery, type Page } from '@napl/service-kit';
import { allocateBudget, type AllocationView } from '../application/allocate-budget';
import { regionBudgets, type YearBudgetView } from '../application/budget-overview';
import { getRegion, listRegions, listSchoolLocations } from '../application/read-regions';
import type { RegionView, SchoolLocationView } from '../application/region-views';
import { createRegion, updateRegion } from '../application/save-region';
import {
  AllocateBudgetDto,
  AllocationResponse,
  CreateRegionDto,
  RegionPageResponse,
  RegionResponse,
  SaveRegionDto,
  SchoolLocationPageResponse,
  YearBudgetResponse,
} from './region.dto';
import { regionIdPipe, yearPipe } from './region-params';

@ApiTags('onderwijsregio’s')
@ApiBearerAuth()
@Controller('v1/regions')
export class RegionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'De onderwijsregio’s (ook gesloten), op id' })
  @ApiOkResponse({ type: RegionPageResponse })
  list(@Query() query: PageQuery): Promise<Page<RegionView>> {
    return listRegions(this.dataSource, query);
  }

  @Get(':regionId')
  @ApiOperation({ summary: 'Eén onderwijsregio' })
  @ApiOkResponse({ type: RegionResponse })
  @ApiNotFoundResponse({ description: 'Onbekende regio (REGION_NOT_FOUND).' })
  get(@Param('regionId', regionIdPipe) regionId: string): Promise<RegionView> {
    return getRegion(this.dataSource, regionId);
  }

  @Post()
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een onderwijsregio toevoegen (het ministerie beheert de lijst)' })
  @ApiCreatedResponse({ type: RegionResponse })
  @ApiConflictResponse({ description: 'Het id is al in gebruik (REGION_EXISTS).' })
  create(@Body() body: CreateRegionDto): Promise<RegionView> {
    const { regionId, ...input } = body;
    return createRegion(this.dataSource, regionId, input);
  }

  @Put(':regionId')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een onderwijsregio wijzigen of sluiten (active: false; nooit verwijderd)' })
  @ApiOkResponse({ type: RegionResponse })
  @ApiNotFoundResponse({ description: 'Onbekende regio (REGION_NOT_FOUND).' })
  update(@Param('regionId', regionIdPipe) regionId: string, @Body() body: SaveRegionDto): Promise<RegionView> {
    return updateRegion(this.dataSource, regionId, body);
  }

  @Get(':regionId/school-locations')
  @Roles('ministry', 'admin', 'region')
  @ApiOperation({ summary: 'De schoolvestigingen van een regio (het ministerie, of de regio zelf)' })
  @ApiOkResponse({ type: SchoolLocationPageResponse })
  @ApiForbiddenResponse({ description: 'Een andere regio dan de uwe (REGION_NOT_YOURS).' })
  schoolLocations(@CurrentPrincipal() principal: Principal, @Param('regionId', regionIdPipe) regionId: string, @Query() query: PageQuery): Promise<Page<SchoolLocationView>> {
    return listSchoolLocations(this.dataSource, principal, regionId, query);
  }

  @Get(':regionId/budgets')
  @Roles('ministry', 'admin', 'region')
  @ApiOperation({ summary: 'Het budget van een regio per jaar: toegekend, vastgelegd, betaald, teruggevorderd en beschikbaar' })
  @ApiOkResponse({ type: [YearBudgetResponse] })
  @ApiForbiddenResponse({ description: 'Een andere regio dan de uwe (REGION_NOT_YOURS).' })
  budgets(@CurrentPrincipal() principal: Principal, @Param('regionId', regionIdPipe) regionId: string): Promise<YearBudgetView[]> {
    return regionBudgets(this.dataSource, principal, regionId);
  }

  @Put(':regionId/budgets/:year')
  @Roles('ministry')
  @ApiOperation({ summary: 'Het budget van een regio voor een kalenderjaar toekennen of wijzigen (publiceert BudgetAllocated)' })
  @ApiCreatedResponse({ type: AllocationResponse, description: 'Toegekend.' })
  @ApiOkResponse({ type: AllocationResponse, description: 'Gewijzigd (of ongewijzigd).' })
  @ApiConflictResponse({ description: 'Past niet in de tranche (TRANCHE_EXCEEDED), tranche niet vrijgegeven (TRANCHE_NOT_RELEASED) of lager dan al vastgelegd (BELOW_USED_BUDGET).' })
  @ApiUnprocessableEntityResponse({ description: 'Geen tranche voor dit jaar (YEAR_OUTSIDE_TRANCHES).' })
  async allocate(
    @Param('regionId', regionIdPipe) regionId: string,
    @Param('year', yearPipe) year: number,
    @Body() body: AllocateBudgetDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AllocationView> {
    const { allocation, created } = await allocateBudget(this.dataSource, regionId, year, body.amountCents);
    response.status(created ? 201 : 200);
    return allocation;
  }
}
