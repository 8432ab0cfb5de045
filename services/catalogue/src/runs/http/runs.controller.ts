import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent } from '@napl/service-kit';
import { ApiProblemResponses } from '../../shared/api-responses';
import { offerIdPipe, runIdPipe } from '../../shared/id-pipes';
import type { Page } from '../../shared/pagination';
import { RunService, type RunView } from '../application/run.service';
import type { RunPlan, RunPlanPatch } from '../domain/run-rules';
import { CancelRunDto, RunListQuery, RunPageResponse, RunPlanDto, RunPlanPatchDto, RunResponse } from './run.dto';

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

/** The fields a merge patch sent (JSON has no undefined: a field left out is undefined here). */
function patchOf(body: RunPlanPatchDto): RunPlanPatch {
  const patch: RunPlanPatch = {};
  if (body.startDate !== undefined) patch.startDate = body.startDate;
  if (body.endDate !== undefined) patch.endDate = body.endDate;
  if (body.sessions !== undefined) patch.sessions = body.sessions.map((session) => ({ ...session }));
  if (body.online !== undefined) patch.online = body.online;
  if (body.location !== undefined) patch.location = body.location;
  if (body.capacity !== undefined) patch.capacity = body.capacity;
  if (body.enrolmentDeadline !== undefined) patch.enrolmentDeadline = body.enrolmentDeadline === null ? null : new Date(body.enrolmentDeadline);
  if (body.priceCents !== undefined) patch.priceCents = body.priceCents;
  return patch;
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
  @ApiUnprocessableEntityResponse({
    description: 'De nieuwe start- of einddatum ligt in het verleden (RUN_DATE_IN_PAST), of de capaciteit onder de bevestigde inschrijvingen (CAPACITY_BELOW_ENROLLED).',
  })
  change(@CurrentPrincipal() principal: Principal, @Param('runId', runIdPipe) runId: string, @Body() body: RunPlanDto): Promise<RunView> {
    return this.runs.change(principal, runId, planOf(body));
  }

  @Patch('runs/:runId')
  @Roles('provider', 'admin')
  @ApiOperation({
    summary: 'Een deel van een uitvoering wijzigen, bijvoorbeeld alleen de capaciteit (JSON merge patch, RFC 7396; publiceert RunChanged)',
    description:
      'Alleen de meegestuurde velden veranderen; null maakt locatie, inschrijftermijn of prijs leeg. Het resultaat wordt gecontroleerd ' +
      'als een volledig plan (PUT). Content-Type: application/merge-patch+json (application/json mag ook).',
  })
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiBody({ type: RunPlanPatchDto })
  @ApiOkResponse({ type: RunResponse })
  @ApiConflictResponse({ description: 'De uitvoering is geannuleerd, of al afgelopen (RUN_ENDED).' })
  @ApiUnprocessableEntityResponse({
    description: 'Een start- of einddatum in het verleden (RUN_DATE_IN_PAST), of een capaciteit onder de bevestigde inschrijvingen (CAPACITY_BELOW_ENROLLED).',
  })
  patch(@CurrentPrincipal() principal: Principal, @Param('runId', runIdPipe) runId: string, @Body() body: RunPlanPatchDto): Promise<RunView> {
    return this.runs.patch(principal, runId, patchOf(body));
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
