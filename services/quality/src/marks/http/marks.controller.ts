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
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { isProviderScoped } from '../../shared/provider-scope';
import { uuidPipe } from '../../shared/uuid-pipe';
import { MarksService } from '../application/marks.service';
import type { QualityMarkEntity } from '../infrastructure/quality-mark.entity';

export class MarksQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() offerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: ['valid', 'expired', 'revoked', 'superseded'] })
  @IsOptional()
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

export class MarkView {
  @ApiProperty() id: string;
  @ApiProperty() assessmentId: string;
  @ApiProperty() offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty() providerId: string;
  @ApiProperty({ description: 'De versie van het kwaliteitskader waarop is beoordeeld.' }) frameworkVersion: number;
  @ApiProperty({ enum: ['valid', 'expired', 'revoked', 'superseded'] }) status: string;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ nullable: true, description: 'Datum (Europe/Amsterdam); na afloop van die dag vervalt het keurmerk als de voorwaarden open zijn.' })
  conditionsDeadline: string | null;
  @ApiProperty({ nullable: true, description: 'Wanneer een beoordelaar de voorwaarden als vervuld vastlegde.' })
  conditionsFulfilledAt: Date | null;
  @ApiProperty() issuedAt: Date;
  @ApiProperty() validUntil: Date;
  @ApiProperty({ nullable: true }) endedAt: Date | null;
  @ApiProperty({ nullable: true }) endReason: string | null;
}

@ApiTags('marks')
@ApiBearerAuth()
@Controller('v1/marks')
export class MarksController {
  constructor(private readonly marks: MarksService) {}

  @Get()
  @ApiOperation({ summary: 'Keurmerken, te filteren op aanbod, aanbieder en status (een aanbieder ziet alleen de eigen).' })
  @ApiOkResponse({ type: [MarkView] })
  list(@Query() query: MarksQuery, @CurrentPrincipal() principal: Principal): Promise<QualityMarkEntity[]> {
    // A provider user sees only its own provider's marks, also when its token carries another role besides.
    const ownProviderOnly = isProviderScoped(principal);
    if (ownProviderOnly && !principal.providerId) return Promise.resolve([]);
    return this.marks.list({ ...query, providerId: ownProviderOnly ? principal.providerId : query.providerId });
  }

  @Get(':markId')
  @ApiOperation({ summary: 'Eén keurmerk.' })
  @ApiOkResponse({ type: MarkView })
  @ApiNotFoundResponse({ description: 'Onbekend keurmerk.' })
  get(@Param('markId', uuidPipe('Het keurmerk-id')) markId: string): Promise<QualityMarkEntity> {
    return this.marks.get(markId);
  }

  @Post(':markId/conditions-fulfilment')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({ summary: 'Legt vast dat aan de voorwaarden van een keurmerk is voldaan, met onderbouwing (beoordelaar).' })
  @ApiOkResponse({ type: MarkView })
  @ApiForbiddenResponse({ description: 'Geen beoordelaar, of verbonden aan de aanbieder (belangenverstrengeling).' })
  @ApiNotFoundResponse({ description: 'Onbekend keurmerk.' })
  @ApiConflictResponse({ description: 'Het keurmerk heeft geen open voorwaarden, de termijn is verstreken of het is niet meer geldig.' })
  fulfilConditions(
    @Param('markId', uuidPipe('Het keurmerk-id')) markId: string,
    @Body() body: FulfilConditionsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QualityMarkEntity> {
    return this.marks.fulfilConditions(markId, body.justification.trim(), principal);
  }

  @Post(':markId/revocation')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: 'Trekt een geldig keurmerk in, met reden (ministerie); kondigt MarkRevoked aan.' })
  @ApiOkResponse({ type: MarkView })
  @ApiForbiddenResponse({ description: 'Alleen het ministerie.' })
  @ApiConflictResponse({ description: 'Het keurmerk is niet meer geldig.' })
  revoke(
    @Param('markId', uuidPipe('Het keurmerk-id')) markId: string,
    @Body() body: RevokeMarkDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QualityMarkEntity> {
    return this.marks.revoke(markId, body.reason.trim(), principal.subject);
  }
}
