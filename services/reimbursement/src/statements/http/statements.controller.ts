import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent, type Page } from '@napl/service-kit';
import { CloseDueStatements } from '../application/close-due-statements';
import { PayStatement } from '../application/pay-statement';
import { StatementQueries, type StatementView } from '../application/statement-queries';
import { toCsv } from '../domain/statement';
import { StatementError } from '../domain/statement.errors';
import { CloseDueResponse, ExportQuery, PayStatementDto, StatementListQuery, StatementPageResponse, StatementResponse } from './statement.dto';

const statementIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new StatementError('STATEMENT_NOT_FOUND', 'not-found', 'Dit betaaloverzicht bestaat niet.') });

@ApiTags('betaaloverzichten')
@ApiBearerAuth()
@Controller('v1/statements')
export class StatementsController {
  constructor(
    private readonly statements: StatementQueries,
    private readonly closeDue: CloseDueStatements,
    private readonly payStatement: PayStatement,
  ) {}

  @Get()
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'Betaaloverzichten per regio en kwartaal, nieuwste eerst (een regio de eigen, het ministerie alle)' })
  @ApiOkResponse({ type: StatementPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: StatementListQuery): Promise<Page<StatementView>> {
    return this.statements.list(principal, { status: query.status, regionId: query.regionId }, query);
  }

  @Post('close-due')
  @Roles('ministry', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open overzichten waarvan de termijn voorbij is betaalbaar stellen (gebeurt ook elke minuut vanzelf)' })
  @ApiOkResponse({ type: CloseDueResponse })
  closeDueStatements(): Promise<{ statementIds: string[] }> {
    return this.closeDue.execute();
  }

  @Get(':statementId')
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'Eén betaaloverzicht met alle regels en de totalen' })
  @ApiOkResponse({ type: StatementResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('statementId', statementIdPipe) statementId: string): Promise<StatementView> {
    return this.statements.get(principal, statementId);
  }

  @Get(':statementId/export')
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'Het overzicht voor de financiële administratie: CSV (puntkomma, decimale komma) of JSON, elke regel apart' })
  @ApiProduces('text/csv', 'application/json')
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('statementId', statementIdPipe) statementId: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | object> {
    const { statement, rows } = await this.statements.exportRows(principal, statementId);
    const name = `betaaloverzicht-${statement.regionId}-${statement.period}`;
    if (query.format === 'json') {
      response.setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
      return { statement, rows };
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return toCsv(rows);
  }

  @Post(':statementId/pay')
  @Idempotent()
  @Roles('ministry', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Een betaalbaar overzicht betalen (publiceert PaymentIssued en, bij terugvorderingen, ClawBackRecorded)' })
  @ApiOkResponse({ type: StatementResponse })
  @ApiConflictResponse({ description: 'Nog open (STATEMENT_NOT_PAYABLE) of al betaald (STATEMENT_CLOSED).' })
  pay(@CurrentPrincipal() principal: Principal, @Param('statementId', statementIdPipe) statementId: string, @Body() body: PayStatementDto): Promise<StatementView> {
    return this.payStatement.execute(principal, statementId, body.paymentReference);
  }
}
