import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsTimestamp, Optional } from '@napl/service-kit';
import { PageQuery } from '../../shared/pagination';
import type { OfferContent } from '../domain/offer-content';
import type { OfferStatus } from '../domain/offer-lifecycle';
import {
  DELIVERY_MODES,
  FORMATS,
  LANGUAGES,
  PATH_STEP_CODE_PATTERN,
  REGION_ID_PATTERN,
  SECTORS,
  type DeliveryMode,
  type OfferFormat,
  type OfferLanguage,
  type SectorCode,
} from '../domain/offer-vocabulary';

/** The content of an offer version, as a provider sends it (create and replace). */
export class OfferContentDto implements OfferContent {
  @ApiProperty({ example: 'Formatief handelen in de vo-klas', maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Korte samenvatting voor zoekresultaten.', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  summary: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  description: string;

  @ApiProperty({ enum: SECTORS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true })
  sectors: SectorCode[];

  @ApiProperty({ enum: FORMATS })
  @IsIn(FORMATS)
  format: OfferFormat;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  deliveryMode: DeliveryMode;

  @ApiProperty({ minimum: 0, maximum: 2000 })
  @IsInt()
  @Min(0)
  @Max(2000)
  studyLoadHours: number;

  @ApiProperty({ description: 'Prijs per deelnemer in eurocent.', example: 45000, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents: number;

  @ApiProperty({ description: 'Wat de prijs omvat.', example: 'Lesmateriaal, lunch en certificaat' })
  @IsString()
  @MaxLength(1000)
  priceCovers: string;

  @ApiProperty({ description: 'Onderwijsregio’s waar het aanbod gegeven wordt; leeg bij landelijk aanbod.', example: ['utrecht-stad'] })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Matches(REGION_ID_PATTERN, { each: true, message: 'bevat een ongeldige regiocode' })
  regionIds: string[];

  @ApiProperty()
  @IsBoolean()
  national: boolean;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: OfferLanguage;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  learningOutcomes: string[];

  @ApiProperty({ description: 'Codes van stappen in ontwikkelpaden (van de paden-service).', example: ['SV-2'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(PATH_STEP_CODE_PATTERN, { each: true, message: 'bevat een ongeldige stapcode' })
  pathStepCodes: string[];

  @ApiProperty()
  @IsBoolean()
  teamProgramme: boolean;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  minGroupSize: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  maxGroupSize: number;
}

export class WithdrawOfferDto {
  @ApiProperty({ description: 'Waarom het aanbod wordt teruggetrokken.', example: 'De opleider is met pensioen.' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

const OFFER_STATUSES: OfferStatus[] = ['draft', 'submitted', 'published', 'suspended', 'withdrawn'];

export class OfferListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Alleen aanbod dat sindsdien zichtbaar veranderde (ISO 8601).', example: '2026-11-01T00:00:00Z' })
  @Optional()
  @IsTimestamp()
  updated_since?: string;

  @ApiPropertyOptional({ enum: OFFER_STATUSES })
  @Optional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;
}

