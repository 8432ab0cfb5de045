import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Optional, PageQuery, PageView } from '@napl/service-kit';
import { uuidPipe } from '../../shared/uuid-pipe';
import { EvaluationsService, type EvaluationSummary } from '../application/evaluations.service';
import type { EvaluationInvitationEntity } from '../infrastructure/evaluation.entities';

export class EvaluationDto {
  @ApiProperty({ description: 'De afgeronde inschrijving die u evalueert.' })
  @IsUUID()
  enrolmentId: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Relevantie voor de praktijk.' })
  @IsInt()
  @Min(1)
  @Max(5)
  relevance: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Effect op het eigen lesgeven.' })
  @IsInt()
  @Min(1)
  @Max(5)
  teachingEffect: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Kwaliteit van de opleider.' })
  @IsInt()
  @Min(1)
  @Max(5)
  trainerQuality: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Zou u het aanbevelen?' })
  @IsInt()
  @Min(1)
  @Max(5)
  wouldRecommend: number;

  @ApiPropertyOptional({ description: 'Toelichting (vrije tekst, zonder namen).' })
  @Optional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class EvaluationView {
  @ApiProperty() enrolmentId: string;
  @ApiProperty() offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty() relevance: number;
  @ApiProperty() teachingEffect: number;
  @ApiProperty() trainerQuality: number;
  @ApiProperty() wouldRecommend: number;
  @ApiProperty() comment: string;
  @ApiProperty() submittedAt: Date;
}

export class OpenEvaluationView {
  @ApiProperty() enrolmentId: string;
  @ApiProperty() offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty() completedAt: Date;
}

export class EvaluationCommentView {
  @ApiProperty() text: string;
  @ApiProperty() submittedAt: Date;
}

export class EvaluationCommentPageView extends PageView {
  @ApiProperty({ type: [EvaluationCommentView] }) items: EvaluationCommentView[];
}

export class EvaluationSummaryView {
  @ApiProperty() offerId: string;
  @ApiProperty() providerId: string;
  @ApiProperty() responseCount: number;
  @ApiProperty({ type: Object, description: 'Gemiddelde per vraag in honderdsten (274 = 2,74).' }) perQuestion: Record<string, number | null>;
  @ApiProperty({ nullable: true, description: 'Gemiddelde over alle antwoorden, in honderdsten.' }) overall: number | null;
  @ApiProperty({ type: EvaluationCommentPageView, description: 'Toelichtingen, nieuwste eerst; blader met limit en cursor.' })
  comments: EvaluationCommentPageView;
  @ApiProperty({ nullable: true }) reassessmentRequiredAt: Date | null;
}

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('v1')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Get('evaluations/open')
  @Roles('teacher')
  @ApiOperation({ summary: 'Uw afgeronde inschrijvingen die nog op een evaluatie wachten (docent).' })
  @ApiOkResponse({ type: [OpenEvaluationView] })
  async open(@CurrentPrincipal() principal: Principal): Promise<OpenEvaluationView[]> {
    const invitations: EvaluationInvitationEntity[] = await this.evaluations.open(principal);
    return invitations.map(({ enrolmentId, offerId, offerVersion, completedAt }) => ({ enrolmentId, offerId, offerVersion, completedAt }));
  }

  @Post('evaluations')
  @Roles('teacher')
  @ApiOperation({ summary: 'Evalueert een afgeronde inschrijving (één keer): vier vragen op 1-5 en een toelichting.' })
  @ApiCreatedResponse({ type: EvaluationView })
  @ApiNotFoundResponse({ description: 'Geen afgeronde inschrijving van u met dit id.' })
  @ApiConflictResponse({ description: 'Al geëvalueerd.' })
  async submit(@Body() body: EvaluationDto, @CurrentPrincipal() principal: Principal): Promise<EvaluationView> {
    const { teacherId: _teacher, providerId: _provider, ...view } = await this.evaluations.submit(body, principal);
    return view;
  }

  @Get('offers/:offerId/evaluation-summary')
  @Roles('provider', 'assessor', 'ministry', 'admin')
  @ApiOperation({ summary: 'Geaggregeerde evaluaties van een aanbod, voor de eigen aanbieder en de beoordelaars.' })
  @ApiOkResponse({ type: EvaluationSummaryView })
  @ApiNotFoundResponse({ description: 'Onbekend aanbod, of het aanbod van een andere aanbieder (hetzelfde antwoord).' })
  summary(
    @Param('offerId', uuidPipe('Het aanbod-id')) offerId: string,
    @Query() paging: PageQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EvaluationSummary> {
    return this.evaluations.summary(offerId, principal, paging);
  }
}
