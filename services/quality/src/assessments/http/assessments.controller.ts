import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { IsCalendarDate, limitOf, Optional, type Page, PageQuery, PageView } from '@napl/service-kit';
import { isQualityStaff } from '../../shared/provider-scope';
import { uuidPipe } from '../../shared/uuid-pipe';
import { AssessmentsService, type AssessmentDetail } from '../application/assessments.service';
import { OUTCOMES, type Outcome } from '../domain/decision';
import type { AssessmentEntity } from '../infrastructure/assessment.entities';

const STATUSES = ['open', 'awaiting-confirmation', ...OUTCOMES];

export class AssessmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @Optional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() providerId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() offerId?: string;
}

export class ScoreDto {
  @ApiProperty({ example: 'K1' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'is geen geldige criteriumcode' })
  criterionCode: string;

  @ApiProperty({ description: 'Voldaan of niet voldaan.' })
  @IsBoolean()
  met: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Score 1-5, vooral bij wegende criteria.' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;

  @ApiProperty({ description: 'Onderbouwing van het oordeel.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  justification: string;
}

export class ScoresDto {
  @ApiProperty({ type: [ScoreDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores: ScoreDto[];
}

export class DecisionDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiProperty({ description: 'Samenvatting van het oordeel; verplicht bij afwijzing.' })
  @IsString()
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({ type: [String], description: 'Voorwaarden bij goedkeuring onder voorwaarden.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  conditions?: string[];

  @ApiPropertyOptional({ example: '2027-06-30', description: 'Termijn voor de voorwaarden (JJJJ-MM-DD).' })
  @Optional()
  @IsCalendarDate()
  conditionsDeadline?: string;
}

export class ConfirmationDto {
  @ApiProperty({ description: 'Eens (de beslissing gaat in) of oneens (terug naar de eerste beoordelaar).' })
  @IsBoolean()
  agree: boolean;

  @ApiPropertyOptional({ description: 'Reden, verplicht bij oneens.' })
  @Optional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

export class ProposalView {
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ nullable: true }) conditionsDeadline: string | null;
  @ApiProperty() proposedAt: string;
  @ApiPropertyOptional({ description: 'Wie het voorstel deed; alleen zichtbaar voor beoordelaars, ministerie en beheer.' })
  proposedBy?: string;
}

export class AssessmentView {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty() providerId: string;
  @ApiProperty() offerTitle: string;
  @ApiProperty({ enum: ['submission', 'reassessment'] }) kind: string;
  @ApiProperty() frameworkVersion: number;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() openedAt: Date;
  @ApiProperty({ nullable: true, type: ProposalView, description: 'Voorstel dat op een tweede beoordelaar wacht (vier ogen).' })
  proposal: ProposalView | null;
  @ApiProperty({ nullable: true, enum: OUTCOMES }) outcome: string | null;
  @ApiProperty({ nullable: true }) summary: string | null;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ nullable: true }) conditionsDeadline: string | null;
  @ApiProperty({ nullable: true }) decidedAt: Date | null;
  @ApiProperty({ nullable: true }) markId: string | null;
}

export class AssessmentPageView extends PageView {
  @ApiProperty({ type: [AssessmentView] }) items: AssessmentView[];
}

export class ScoreView {
  @ApiProperty() criterionCode: string;
  @ApiProperty() met: boolean;
  @ApiProperty({ nullable: true }) score: number | null;
  @ApiProperty() justification: string;
  @ApiProperty() scoredAt: Date;
}

export class AssessmentDetailView {
  @ApiProperty({ type: AssessmentView }) assessment: AssessmentView;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'De criteria van de kaderversie van deze beoordeling.' })
  criteria: unknown[];
  @ApiProperty({ type: [ScoreView] }) scores: ScoreView[];
}

/**
 * The case as the caller may see it. Field by field, so nothing of the entity leaks by accident; a provider (anyone
 * without a staff role) does not learn which assessor proposed the decision.
 */
function assessmentView(entity: AssessmentEntity, principal: Principal): AssessmentView {
  const { proposal } = entity;
  return {
    id: entity.id,
    offerId: entity.offerId,
    offerVersion: entity.offerVersion,
    providerId: entity.providerId,
    offerTitle: entity.offerTitle,
    kind: entity.kind,
    frameworkVersion: entity.frameworkVersion,
    status: entity.status,
    openedAt: entity.openedAt,
    proposal: proposal
      ? {
          outcome: proposal.outcome,
          summary: proposal.summary,
          conditions: [...proposal.conditions],
          conditionsDeadline: proposal.conditionsDeadline,
          proposedAt: proposal.proposedAt,
          ...(isQualityStaff(principal) ? { proposedBy: proposal.proposedBy } : {}),
        }
      : null,
    outcome: entity.outcome,
    summary: entity.summary,
    conditions: entity.conditions,
    conditionsDeadline: entity.conditionsDeadline,
    decidedAt: entity.decidedAt,
    markId: entity.markId,
  };
}

function detailView(detail: AssessmentDetail, principal: Principal): AssessmentDetailView {
  return {
    assessment: assessmentView(detail.assessment, principal),
    criteria: [...detail.criteria],
    // Who scored stays in the history; the case view names no assessors.
    scores: detail.scores.map(({ criterionCode, met, score, justification, scoredAt }) => ({ criterionCode, met, score, justification, scoredAt })),
  };
}

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  @Roles('assessor', 'ministry', 'admin', 'provider')
  @ApiOperation({ summary: 'Beoordelingen, bijvoorbeeld de open zaken (status=open); een aanbieder ziet alleen de eigen.' })
  @ApiOkResponse({ type: AssessmentPageView })
  async list(@Query() query: AssessmentsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AssessmentView>> {
    // Whatever other roles the token carries, without a staff role the caller sees only its own provider's cases.
    const ownProviderOnly = !isQualityStaff(principal);
    if (ownProviderOnly && !principal.providerId) return { items: [], limit: limitOf(query), nextCursor: null, hasMore: false };
    const filter = { status: query.status, offerId: query.offerId, providerId: ownProviderOnly ? principal.providerId : query.providerId };
    const cases = await this.assessments.list(filter, query);
    return { ...cases, items: cases.items.map((entity) => assessmentView(entity, principal)) };
  }

  @Get(':assessmentId')
  @Roles('assessor', 'ministry', 'admin', 'provider')
  @ApiOperation({ summary: 'Eén beoordeling met de criteria van haar kaderversie en de scores.' })
  @ApiOkResponse({ type: AssessmentDetailView })
  @ApiNotFoundResponse({ description: 'Onbekende beoordeling.' })
  async get(@Param('assessmentId', uuidPipe('Het beoordelings-id')) id: string, @CurrentPrincipal() principal: Principal): Promise<AssessmentDetailView> {
    return detailView(await this.assessments.detail(id, principal), principal);
  }

  @Post(':assessmentId/scores')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({ summary: 'Scoort één of meer criteria (voldaan/niet voldaan, score, onderbouwing); een latere score vervangt een eerdere.' })
  @ApiOkResponse({ type: AssessmentDetailView })
  @ApiBadRequestResponse({ description: 'Ongeldige invoer of onbekend criterium.' })
  @ApiForbiddenResponse({ description: 'Geen beoordelaar, of verbonden aan de aanbieder (belangenverstrengeling).' })
  @ApiConflictResponse({ description: 'De beoordeling is niet (meer) open.' })
  async score(
    @Param('assessmentId', uuidPipe('Het beoordelings-id')) id: string,
    @Body() body: ScoresDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssessmentDetailView> {
    return detailView(await this.assessments.score(id, body.scores, principal), principal);
  }

  @Post(':assessmentId/decision')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({
    summary:
      'Beslist: goedgekeurd, goedgekeurd onder voorwaarden (met termijn) of afgewezen. Met vier ogen wacht de beslissing op een tweede beoordelaar.',
  })
  @ApiOkResponse({ type: AssessmentView })
  @ApiForbiddenResponse({ description: 'Geen beoordelaar, of belangenverstrengeling.' })
  @ApiUnprocessableEntityResponse({ description: 'Niet alle criteria gescoord, of een verplicht criterium niet voldaan.' })
  async decide(
    @Param('assessmentId', uuidPipe('Het beoordelings-id')) id: string,
    @Body() body: DecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssessmentView> {
    const decided = await this.assessments.decide(
      id,
      { outcome: body.outcome, summary: body.summary.trim(), conditions: body.conditions ?? [], conditionsDeadline: body.conditionsDeadline ?? null },
      principal,
    );
    return assessmentView(decided, principal);
  }

  @Post(':assessmentId/confirmation')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({ summary: 'Vier ogen: een tweede, andere beoordelaar bevestigt de voorgestelde beslissing of stuurt haar terug.' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiForbiddenResponse({ description: 'Dezelfde beoordelaar als het voorstel, of belangenverstrengeling.' })
  @ApiConflictResponse({ description: 'Er wacht geen beslissing op bevestiging.' })
  async confirm(
    @Param('assessmentId', uuidPipe('Het beoordelings-id')) id: string,
    @Body() body: ConfirmationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssessmentView> {
    return assessmentView(await this.assessments.confirm(id, body.agree, body.reason, principal), principal);
  }
}
