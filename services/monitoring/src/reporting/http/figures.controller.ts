import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@napl/auth';
import { FIGURE_TABLES, FiguresService, type FigureTable, type FiguresEnvelope } from '../application/figures.service';
import { toCsv } from '../domain/csv';
import { AsOfQuery, ExportQuery, ExportResponse, FiguresResponse } from './figures.dto';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('v1')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  private get(table: FigureTable, query: AsOfQuery): Promise<FiguresEnvelope<object>> {
    return this.figures.figures(table, query.asOf);
  }

  @Get('figures/participants')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Unieke deelnemende leraren per schooljaar en cumulatief tegen het doel van 60.000, per sector, regio, pad en vorm' })
  @ApiOkResponse({ type: FiguresResponse })
  participants(@Query() query: AsOfQuery) {
    return this.get('participants', query);
  }

  @Get('figures/enrolments')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Inschrijvingen, afrondingen, uitval en annuleringen per sector en regio' })
  @ApiOkResponse({ type: FiguresResponse })
  enrolments(@Query() query: AsOfQuery) {
    return this.get('enrolments', query);
  }

  @Get('figures/paths')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Ontwikkelpaden: gestarte leraren, afgeronde stappen en afgeronde paden per pad' })
  @ApiOkResponse({ type: FiguresResponse })
  paths(@Query() query: AsOfQuery) {
    return this.get('paths', query);
  }

  @Get('figures/quality')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Kwaliteit: goedgekeurd en afgewezen aanbod, verlopen en ingetrokken keurmerken per jaar' })
  @ApiOkResponse({ type: FiguresResponse })
  quality(@Query() query: AsOfQuery) {
    return this.get('quality', query);
  }

  @Get('figures/money')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Geld: toegekend, verplicht, betaald en teruggevorderd per regio en jaar, tegen het landelijke budget en de tranches' })
  @ApiOkResponse({ type: FiguresResponse })
  money(@Query() query: AsOfQuery) {
    return this.get('money', query);
  }

  @Get('figures/eligibility')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Subsidiabiliteit van inschrijvingen: wel of niet subsidiabel, per reden en per regio (laatste besluit per inschrijving)' })
  @ApiOkResponse({ type: FiguresResponse })
  eligibility(@Query() query: AsOfQuery) {
    return this.get('eligibility', query);
  }

  @Get('figures/forecast')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Prognose: wanneer het doel van 60.000 bij het huidige tempo wordt gehaald, en het tempo dat nodig is, met methode en band' })
  @ApiOkResponse({ type: FiguresResponse })
  forecast(@Query() query: AsOfQuery) {
    return this.get('forecast', query);
  }

  @Get('exports/:table')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een tabel als CSV of JSON, met peildatum en regelversie in elke regel' })
  @ApiParam({ name: 'table', enum: FIGURE_TABLES })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ExportResponse })
  @ApiNotFoundResponse({ description: 'Onbekende tabel (TABLE_NOT_FOUND).' })
  async export(@Param('table') table: string, @Query() query: ExportQuery, @Res({ passthrough: true }) response: Response) {
    const exported = await this.figures.export(table, query.asOf);
    if (query.format !== 'csv') return exported;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="napl-${exported.table}-${exported.asOf}.csv"`);
    return toCsv({ asOf: exported.asOf, rulesVersion: exported.rulesVersion, table: exported.table }, exported.rows);
  }
}
