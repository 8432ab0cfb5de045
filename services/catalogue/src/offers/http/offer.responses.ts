import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_MODES, FORMATS, LANGUAGES, SECTORS } from '../domain/offer-vocabulary';

class CriterionReasonResponse {
  @ApiProperty() criterionCode: string;
  @ApiProperty() reason: string;
}

class RejectionResponse {
  @ApiProperty() summary: string;
  @ApiProperty({ type: [CriterionReasonResponse] }) reasons: CriterionReasonResponse[];
  @ApiProperty() decidedAt: string;
}

export class VersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'submitted', 'published', 'superseded'] }) status: string;
  @ApiProperty({ nullable: true, description: 'De publicatieregels waaronder de versie is ingediend.' }) rulesVersion: number;
  @ApiPropertyOptional({ type: RejectionResponse, nullable: true, description: 'De redenen van de beoordelaar na afkeuring.' })
  rejection: RejectionResponse | null;
  @ApiProperty({ nullable: true }) submittedAt: string;
  @ApiProperty({ nullable: true }) publishedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ enum: FORMATS }) format: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: string;
  @ApiProperty() studyLoadHours: number;
  @ApiProperty({ description: 'Eurocent per deelnemer.' }) priceCents: number;
  @ApiProperty() priceCovers: string;
  @ApiProperty({ type: [String] }) regionIds: string[];
  @ApiProperty() national: boolean;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ type: [String] }) learningOutcomes: string[];
  @ApiProperty({ type: [String] }) pathStepCodes: string[];
  @ApiProperty() teamProgramme: boolean;
  @ApiProperty() minGroupSize: number;
  @ApiProperty() maxGroupSize: number;
}

export class OfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'published', 'suspended', 'withdrawn'] }) status: string;
  @ApiProperty() latestVersion: number;
  @ApiProperty({ nullable: true }) publishedVersion: number;
  @ApiProperty({ nullable: true }) suspendedReason: string;
  @ApiProperty({ nullable: true }) withdrawnReason: string;
  @ApiProperty({ nullable: true }) markValidUntil: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Verandert alleen als iets zichtbaars in de API verandert.' }) updatedAt: string;
  @ApiProperty({ type: VersionResponse, description: 'Voor de aanbieder de nieuwste versie; voor anderen de gepubliceerde.' })
  content: VersionResponse;
}

export class OfferPageResponse {
  @ApiProperty({ type: [OfferResponse] }) items: OfferResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
