import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent } from '@napl/service-kit';
import { ApiProblemResponses } from '../../shared/api-responses';
import { offerIdPipe, runIdPipe } from '../../shared/id-pipes';
import type { Page } from '../../shared/pagination';
import { RunService, type RunView } from '../application/run.service';
import type { RunPlan } from '../domain/run-rules';
import { CancelRunDto, RunListQuery, RunPageResponse, RunPlanDto, RunResponse } from './run.dto';

function planOf(body: RunPlanDto): RunPlan {
  return {
    startDate: body.startDate,
    endDate: body.endDate,
    sessions: body.sessions.map((session) => ({ ...session })),
    online: body.online,
    location: body.location ?? null,
    capacity: body.capacity,
    enrolmentDeadline: body.enrolmentDeadline ? new Date(body.enrolmentDeadline) : null,
    priceCents: body.priceCents ?? null,
  };
}

@ApiTags('uitvoeringen')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('v1')
export class RunsController {
  constructor(private readonly runs: RunService) {}

  @Post('offers/:offerId/runs')
  @Roles('provider', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Een uitvoering plannen van gepubliceerd aanbod (publiceert RunScheduled)' })
  @ApiCreatedResponse({ type: RunResponse })
  @ApiConflictResponse({ description: 'Het aanbod is niet gepubliceerd, of geschorst of teruggetrokken.' })
  @ApiUnprocessableEntityResponse({ description: 'De start- of einddatum ligt in het verleden (RUN_DATE_IN_PAST).' })
  schedule(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string, @Body() body: RunPlanDto): Promise<RunView> {
    return this.runs.schedule(principal, offerId, planOf(body));
  }

  @Get('offers/:offerId/runs')
  @ApiOperation({ summary: 'Uitvoeringen van een aanbod, op startdatum (geannuleerde alleen voor de aanbieder)' })
  @ApiOkResponse({ type: RunPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string, @Query() query: RunListQuery): Promise<Page<RunView>> {
    return this.runs.listForOffer(principal, offerId, query.page, query.pageSize, query.updated_since ? new Date(query.updated_since) : undefined);
  }

  @Get('runs/:runId')
  @ApiOperation({ summary: 'Eén uitvoering' })
  @ApiOkResponse({ type: RunResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('runId', runIdPipe) runId: string): Promise<RunView> {
    return this.runs.get(principal, runId);
  }

  @Put('runs/:runId')
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'Een uitvoering wijzigen (publiceert RunChanged)' })
  @ApiOkResponse({ type: RunResponse })
  @ApiConflictResponse({ description: 'De uitvoering is geannuleerd, of al afgelopen (RUN_ENDED).' })
  @ApiUnprocessableEntityResponse({ description: 'De nieuwe start- of einddatum ligt in het verleden (RUN_DATE_IN_PAST).' })
  change(@CurrentPrincipal() principal: Principal, @Param('runId', runIdPipe) runId: string, @Body() body: RunPlanDto): Promise<RunView> {
    return this.runs.change(principal, runId, planOf(body));
  }

  @Post('runs/:runId/cancel')
  @Roles('provider', 'admin')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Een uitvoering annuleren (publiceert RunCancelled; inschrijvingen worden geannuleerd)' })
  @ApiOkResponse({ type: RunResponse })
  @ApiConflictResponse({ description: 'Al geannuleerd, of al afgelopen (RUN_ENDED).' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('runId', runIdPipe) runId: string, @Body() body: CancelRunDto): Promise<RunView> {
    return this.runs.cancel(principal, runId, body.reason);
  }
}
