import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { RebuildRuns, type RebuildRunView } from '../application/rebuild-runs.query';
import { StartRebuild } from '../application/start-rebuild';
import { RebuildError } from '../domain/rebuild.errors';
import { RebuildRunResponse } from './rebuilds.dto';

/** An id that is not a UUID names no rebuild: 404, never a database error. */
const runIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new RebuildError('REBUILD_NOT_FOUND', 'not-found', 'Deze herbouw bestaat niet.') });

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('v1/rebuilds')
export class RebuildsController {
  constructor(
    private readonly starter: StartRebuild,
    private readonly runs: RebuildRuns,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Alle cijfers opnieuw opbouwen vanaf het begin van de topics; de huidige cijfers blijven beschikbaar tot de nieuwe bijgelezen zijn' })
  @ApiAcceptedResponse({ type: RebuildRunResponse })
  @ApiConflictResponse({ description: 'Er loopt al een herbouw (REBUILD_RUNNING).' })
  start(@CurrentPrincipal() principal: Principal): Promise<RebuildRunView> {
    return this.starter.start(principal.subject);
  }

  @Get()
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'De laatste tien herbouwingen, de nieuwste eerst, met hun voortgang per topic' })
  @ApiOkResponse({ type: [RebuildRunResponse] })
  list(): Promise<RebuildRunView[]> {
    return this.runs.latest(10);
  }

  @Get(':runId')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Eén herbouw met zijn voortgang: per topic gelezen offsets tegen eind-offsets' })
  @ApiOkResponse({ type: RebuildRunResponse })
  @ApiNotFoundResponse({ description: 'Deze herbouw bestaat niet (REBUILD_NOT_FOUND).' })
  get(@Param('runId', runIdPipe) runId: string): Promise<RebuildRunView> {
    return this.runs.get(runId);
  }
}
