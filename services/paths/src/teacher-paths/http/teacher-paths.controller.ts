import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { SuggestionsQuery, type StepSuggestionsView } from '../application/suggestions.query';
import { TeacherPathsService, type RecognitionView, type StepHistoryView, type TeacherPathView, type VersionMoveView } from '../application/teacher-paths.service';
import { TeacherPathError } from '../domain/teacher-path.errors';
import { MoveVersionDto, RecognitionDto, RecognitionResponse, StartPathDto, STEP_CODE_PARAM, SuggestionsQueryDto, TeacherPathResponse, WithdrawRecognitionDto } from './teacher-path.dto';

const teacherPathIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', 'Dit pad van een leraar bestaat niet.'),
});
const recognitionIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new TeacherPathError('RECOGNITION_NOT_FOUND', 'not-found', 'Deze erkenning bestaat niet.'),
});
const stepCodePipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!STEP_CODE_PARAM.test(value)) throw new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', `Stap ${value.slice(0, 64)} bestaat niet in dit pad.`);
    return value;
  },
};

@ApiTags('mijn ontwikkelpad')
@ApiBearerAuth()
@Controller('v1/teacher-paths')
export class TeacherPathsController {
  constructor(
    private readonly teacherPaths: TeacherPathsService,
    private readonly suggestions: SuggestionsQuery,
  ) {}

  @Post()
  @Roles('teacher')
  @ApiOperation({ summary: 'Een ontwikkelpad beginnen (publiceert PathStarted), op de nieuwste gepubliceerde versie voor de sector' })
  @ApiCreatedResponse({ type: TeacherPathResponse })
  @ApiConflictResponse({ description: 'U volgt dit pad al (ALREADY_ON_PATH), of er is geen gepubliceerde versie.' })
  start(@CurrentPrincipal() principal: Principal, @Body() body: StartPathDto): Promise<TeacherPathView> {
    return this.teacherPaths.start(principal, body.pathId, body.sector);
  }

  @Get()
  @Roles('teacher')
  @ApiOperation({ summary: 'Mijn ontwikkelpaden met voortgang' })
  @ApiOkResponse({ type: [TeacherPathResponse] })
  listMine(@CurrentPrincipal() principal: Principal): Promise<TeacherPathView[]> {
    return this.teacherPaths.listMine(principal);
  }

  @Get(':teacherPathId')
  @Roles('teacher', 'school-leader', 'assessor')
  @ApiOperation({ summary: 'Eén pad met de voortgang per stap (de leraar zelf, een beoordelaar, of de schoolleider met toestemming)' })
  @ApiOkResponse({ type: TeacherPathResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string): Promise<TeacherPathView> {
    return this.teacherPaths.get(principal, teacherPathId);
  }

  @Get(':teacherPathId/suggestions')
  @Roles('teacher')
  @ApiOperation({ summary: 'Aanbod per nog niet afgeronde stap: gepubliceerd, met geldig keurmerk, plaatsen vrij, in de regio of online' })
  suggest(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Query() query: SuggestionsQueryDto,
  ): Promise<StepSuggestionsView[]> {
    return this.suggestions.forTeacherPath(principal, teacherPathId, query.regionId);
  }

  @Post(':teacherPathId/version')
  @Roles('teacher')
  @HttpCode(200)
  @ApiOperation({ summary: 'Overstappen naar een andere gepubliceerde versie (met preview: alleen zien wat er meegaat)' })
  moveVersion(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Body() body: MoveVersionDto,
  ): Promise<VersionMoveView> {
    return this.teacherPaths.moveVersion(principal, teacherPathId, body.version, body.preview ?? false);
  }

  @Get(':teacherPathId/steps/:stepCode')
  @Roles('teacher', 'school-leader', 'assessor')
  @ApiOperation({ summary: 'De geschiedenis van één stap: meegetelde afrondingen en erkenningen (met intrekkingen)' })
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Param('stepCode', stepCodePipe) stepCode: string,
  ): Promise<StepHistoryView> {
    return this.teacherPaths.stepHistory(principal, teacherPathId, stepCode);
  }

  @Post(':teacherPathId/steps/:stepCode/recognitions')
  @Roles('assessor', 'school-leader')
  @ApiOperation({ summary: 'Een stap afronden door erkenning van eerder verworven competenties (EVC)' })
  @ApiCreatedResponse({ type: RecognitionResponse })
  @ApiConflictResponse({ description: 'De stap is al erkend (STEP_ALREADY_RECOGNISED).' })
  recognise(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Param('stepCode', stepCodePipe) stepCode: string,
    @Body() body: RecognitionDto,
  ): Promise<RecognitionView> {
    return this.teacherPaths.recognise(principal, teacherPathId, stepCode, body.evidenceReference, body.reason);
  }

  @Post(':teacherPathId/recognitions/:recognitionId/withdraw')
  @Roles('assessor', 'school-leader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Een erkenning intrekken, met reden (publiceert StepRecognitionWithdrawn)' })
  @ApiOkResponse({ type: RecognitionResponse })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Param('recognitionId', recognitionIdPipe) recognitionId: string,
    @Body() body: WithdrawRecognitionDto,
  ): Promise<RecognitionView> {
    return this.teacherPaths.withdrawRecognition(principal, teacherPathId, recognitionId, body.reason);
  }
}
