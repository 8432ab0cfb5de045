import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { pathIdPipe, versionPipe } from '../../shared/id-pipes';
import { PathDefinitionsService, type PathVersionView, type PathView } from '../application/path-definitions.service';
import type { PathVersionContent } from '../domain/path-definition';
import { CreatePathDto, DraftVersionDto, PathResponse, PathVersionResponse, UpdateDraftDto, type PathVersionContentDto } from './path.dto';

/** The DTO as the domain reads it: a requirement's absent parts are explicit. */
function contentOf(dto: PathVersionContentDto): PathVersionContent {
  return {
    sectors: [...dto.sectors],
    phases: dto.phases.map((phase) => ({
      code: phase.code,
      title: phase.title,
      steps: phase.steps.map((step) => ({
        code: step.code,
        title: step.title,
        competenceAreas: [...step.competenceAreas],
        learningOutcomes: [...step.learningOutcomes],
        requirement: { minimumHours: step.requirement.minimumHours ?? null, requiredFormats: [...(step.requirement.requiredFormats ?? [])] },
      })),
    })),
  };
}

@ApiTags('ontwikkelpaden')
@ApiBearerAuth()
@Controller('v1/paths')
export class PathsController {
  constructor(private readonly paths: PathDefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'De ontwikkelpaden met hun versies (concepten alleen voor het ministerie)' })
  @ApiOkResponse({ type: [PathResponse] })
  list(@CurrentPrincipal() principal: Principal): Promise<PathView[]> {
    return this.paths.list(principal);
  }

  @Post()
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een ontwikkelpad toevoegen, met versie 1 als concept' })
  @ApiCreatedResponse({ type: PathVersionResponse })
  @ApiConflictResponse({ description: 'Er bestaat al een pad met deze code.' })
  create(@Body() body: CreatePathDto): Promise<PathVersionView> {
    return this.paths.create({ code: body.code, title: body.title, description: body.description, content: contentOf(body.content) });
  }

  @Get(':pathId')
  @ApiOperation({ summary: 'Eén ontwikkelpad met zijn versies' })
  @ApiOkResponse({ type: PathResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('pathId', pathIdPipe) pathId: string): Promise<PathView> {
    return this.paths.get(principal, pathId);
  }

  @Post(':pathId/versions')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een nieuwe versie als concept (zonder inhoud: een kopie van de nieuwste versie)' })
  @ApiCreatedResponse({ type: PathVersionResponse })
  @ApiConflictResponse({ description: 'Er is al een concept (VERSION_NOT_DRAFT).' })
  draft(@Param('pathId', pathIdPipe) pathId: string, @Body() body: DraftVersionDto): Promise<PathVersionView> {
    return this.paths.draft(pathId, body.content ? contentOf(body.content) : undefined);
  }

  @Get(':pathId/versions/:version')
  @ApiOperation({ summary: 'Eén versie met fasen en stappen' })
  @ApiOkResponse({ type: PathVersionResponse })
  getVersion(@CurrentPrincipal() principal: Principal, @Param('pathId', pathIdPipe) pathId: string, @Param('version', versionPipe) version: number): Promise<PathVersionView> {
    return this.paths.getVersion(principal, pathId, version);
  }

  @Put(':pathId/versions/:version')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een concept wijzigen (een gepubliceerde versie nooit)' })
  @ApiOkResponse({ type: PathVersionResponse })
  @ApiConflictResponse({ description: 'De versie is gepubliceerd (VERSION_NOT_DRAFT).' })
  updateDraft(@Param('pathId', pathIdPipe) pathId: string, @Param('version', versionPipe) version: number, @Body() body: UpdateDraftDto): Promise<PathVersionView> {
    return this.paths.updateDraft(pathId, version, contentOf(body.content));
  }

  @Post(':pathId/versions/:version/publish')
  @Roles('ministry', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Een concept publiceren (publiceert PathVersionPublished); daarna wijzigt het nooit meer' })
  @ApiOkResponse({ type: PathVersionResponse })
  @ApiConflictResponse({ description: 'Al gepubliceerd (VERSION_NOT_DRAFT).' })
  publish(@Param('pathId', pathIdPipe) pathId: string, @Param('version', versionPipe) version: number): Promise<PathVersionView> {
    return this.paths.publish(pathId, version);
  }
}
