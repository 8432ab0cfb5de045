import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Optional, type Page, PageQuery, PageView } from '@napl/service-kit';
import { mayReadProviderCase } from '../../shared/provider-scope';
import { uuidPipe } from '../../shared/uuid-pipe';
import { MarksService } from '../application/marks.service';
import type { QualityMarkEntity } from '../infrastructure/quality-mark.entity';

export class MarksQuery extends PageQuery {
  @ApiPropertyOptional() @Optional() @IsUUID() offerId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: ['valid', 'expired', 'revoked', 'superseded'] })
  @Optional()
  @IsIn(['valid', 'expired', 'revoked', 'superseded'])
  status?: string;
}

export class RevokeMarkDto {
  @ApiProperty({ description: 'Waarom het keurmerk wordt ingetrokken.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class FulfilConditionsDto {
  @ApiProperty({ description: 'Waaruit blijkt dat aan de voorwaarden is voldaan.' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'mag niet leeg zijn' })
  @MaxLength(2000)
  justification: string;
}

/** What is between the provider and the quality staff: the conditions of a mark and why it ended. */
export class MarkConditionsView {
  @ApiProperty() markId: string;
  @ApiProperty({ description: 'De beoordeling die tot het keurmerk leidde.' }) assessmentId: string;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ nullable: true, description: 'Datum (Europe/Amsterdam); na afloop van die dag vervalt het keurmerk als de voorwaarden open zijn.' })
  conditionsDeadline: string | null;
  @ApiProperty({ nullable: true, description: 'Wanneer een beoordelaar de voorwaarden als vervuld vastlegde.' })
  conditionsFulfilledAt: Date | null;
  @ApiProperty({ nullable: true, description: 'Waarom het keurmerk eindigde.' }) endReason: string | null;
}

/**
 * A quality mark is public: whether an offer holds one is what teachers search on. Its conditions and end reason
 * are between the provider and the assessors and ministry: only they get them (here, and at /conditions).
 */
export class MarkView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ description: 'Alleen voor de eigen aanbieder, beoordelaars, ministerie en beheer.' }) assessmentId?: string;
  @ApiProperty() offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty() providerId: string;
  @ApiProperty({ description: 'De versie van het kwaliteitskader waarop is beoordeeld.' }) frameworkVersion: number;
  @ApiProperty({ enum: ['valid', 'expired', 'revoked', 'superseded'] }) status: string;
  @ApiProperty({ description: 'Of er voorwaarden aan het keurmerk verbonden zijn (de voorwaarden zelf ziet alleen de aanbieder en de beoordelaars).' })
  withConditions: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Alleen voor de eigen aanbieder, beoordelaars, ministerie en beheer.' }) conditions?: string[];
  @ApiPropertyOptional({ nullable: true, description: 'Alleen voor de eigen aanbieder, beoordelaars, ministerie en beheer.' })
  conditionsDeadline?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Alleen voor de eigen aanbieder, beoordelaars, ministerie en beheer.' })
  conditionsFulfilledAt?: Date | null;
  @ApiProperty() issuedAt: Date;
  @ApiProperty() validUntil: Date;
  @ApiProperty({ nullable: true }) endedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, description: 'Alleen voor de eigen aanbieder, beoordelaars, ministerie en beheer.' }) endReason?: string | null;
}

export class MarkPageView extends PageView {
  @ApiProperty({ type: [MarkView] }) items: MarkView[];
}

function conditionsView(mark: QualityMarkEntity): MarkConditionsView {
  return {
    markId: mark.id,
    assessmentId: mark.assessmentId,
    conditions: [...mark.conditions],
    conditionsDeadline: mark.conditionsDeadline,
    conditionsFulfilledAt: mark.conditionsFulfilledAt,
    endReason: mark.endReason,
  };
}

/** Field by field, so nothing of the entity leaks by accident. */
export function markView(mark: QualityMarkEntity, principal: Principal): MarkView {
  const { markId: _id, ...restricted } = conditionsView(mark);
  return {
    id: mark.id,
    offerId: mark.offerId,
    offerVersion: mark.offerVersion,
    providerId: mark.providerId,
    frameworkVersion: mark.frameworkVersion,
    status: mark.status,
    withConditions: mark.conditions.length > 0,
    issuedAt: mark.issuedAt,
    validUntil: mark.validUntil,
    endedAt: mark.endedAt,
    ...(mayReadProviderCase(principal, mark.providerId) ? restricted : {}),
  };
}

@ApiTags('marks')
@ApiBearerAuth()
@Controller('v1/marks')
export class MarksController {
  constructor(private readonly marks: MarksService) {}

  @Get()
  @ApiOperation({
    summary: 'Keurmerken (openbaar), te filteren op aanbod, aanbieder en status, per pagina; voorwaarden alleen voor de eigen aanbieder en de beoordelaars.',
  })
  @ApiOkResponse({ type: MarkPageView })
  async list(@Query() query: MarksQuery, @CurrentPrincipal() principal: Principal): Promise<Page<MarkView>> {
    const page = await this.marks.list(query, query);
    return { ...page, items: page.items.map((mark) => markView(mark, principal)) };
  }

  @Get(':markId')
  @ApiOperation({ summary: 'Eén keurmerk (openbaar); voorwaarden alleen voor de eigen aanbieder en de beoordelaars.' })
  @ApiOkResponse({ type: MarkView })
  @ApiNotFoundResponse({ description: 'Onbekend keurmerk.' })
  async get(@Param('markId', uuidPipe('Het keurmerk-id')) markId: string, @CurrentPrincipal() principal: Principal): Promise<MarkView> {
    return markView(await this.marks.get(markId), principal);
  }

  @Get(':markId/conditions')
  @ApiOperation({ summary: 'De voorwaarden van een keurmerk en waarom het eindigde: voor de eigen aanbieder, beoordelaars, ministerie en beheer.' })
  @ApiOkResponse({ type: MarkConditionsView })
  @ApiNotFoundResponse({ description: 'Onbekend keurmerk, of een keurmerk van een andere aanbieder (hetzelfde antwoord).' })
  async conditions(@Param('markId', uuidPipe('Het keurmerk-id')) markId: string, @CurrentPrincipal() principal: Principal): Promise<MarkConditionsView> {
    return conditionsView(await this.marks.get(markId, principal));
  }

  @Post(':markId/conditions-fulfilment')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({ summary: 'Legt vast dat aan de voorwaarden van een keurmerk is voldaan, met onderbouwing (beoordelaar).' })
  @ApiOkResponse({ type: MarkView })
  @ApiForbiddenResponse({ description: 'Geen beoordelaar, of verbonden aan de aanbieder (belangenverstrengeling).' })
  @ApiNotFoundResponse({ description: 'Onbekend keurmerk.' })
  @ApiConflictResponse({ description: 'Het keurmerk heeft geen open voorwaarden, de termijn is verstreken of het is niet meer geldig.' })
  async fulfilConditions(
    @Param('markId', uuidPipe('Het keurmerk-id')) markId: string,
    @Body() body: FulfilConditionsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MarkView> {
    return markView(await this.marks.fulfilConditions(markId, body.justification.trim(), principal), principal);
  }

  @Post(':markId/revocation')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: 'Trekt een geldig keurmerk in, met reden (ministerie); kondigt MarkRevoked aan.' })
  @ApiOkResponse({ type: MarkView })
  @ApiForbiddenResponse({ description: 'Alleen het ministerie.' })
  @ApiConflictResponse({ description: 'Het keurmerk is niet meer geldig.' })
  async revoke(
    @Param('markId', uuidPipe('Het keurmerk-id')) markId: string,
    @Body() body: RevokeMarkDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MarkView> {
    return markView(await this.marks.revoke(markId, body.reason.trim(), principal.subject), principal);
  }
}
