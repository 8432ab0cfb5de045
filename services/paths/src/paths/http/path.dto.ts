import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '@napl/service-kit';
import { COMPETENCE_AREAS, PATH_SECTORS, STEP_CODE_PATTERN, type CompetenceArea, type PathSector } from '../domain/path-definition';

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const FORMAT_PATTERN = /^[a-z][a-z-]{1,39}$/;

export class StepRequirementDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 2000, description: 'Uren afgerond aanbod dat deze stap dient.' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(2000)
  minimumHours?: number;

  @ApiPropertyOptional({ type: [String], description: 'Soorten aanbod (vorm in de catalogus, bijv. coaching) die elk ten minste eens nodig zijn.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(FORMAT_PATTERN, { each: true, message: 'een soort aanbod is een code als coaching of learning-community' })
  requiredFormats?: string[];
}

export class PathStepDto {
  @ApiProperty({ example: 'svv.1.1', description: 'Stapcode: zo noemt aanbod in de catalogus de stap.' })
  @IsString()
  @Matches(STEP_CODE_PATTERN, { message: 'stapcode: letters, cijfers, punt, streep of liggend streepje, ten hoogste 64 tekens' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: COMPETENCE_AREAS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMPETENCE_AREAS.length)
  @IsIn(COMPETENCE_AREAS, { each: true, message: `bekwaamheidsdomein is een van: ${COMPETENCE_AREAS.join(', ')}` })
  competenceAreas: CompetenceArea[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(500, { each: true })
  learningOutcomes: string[];

  @ApiProperty({ type: StepRequirementDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => StepRequirementDto)
  requirement: StepRequirementDto;
}

export class PathPhaseDto {
  @ApiProperty({ example: 'fase-1' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'fasecode: kleine letters, cijfers en streepjes' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: [PathStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PathStepDto)
  steps: PathStepDto[];
}

export class PathVersionContentDto {
  @ApiProperty({ enum: PATH_SECTORS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PATH_SECTORS.length)
  @IsIn(PATH_SECTORS, { each: true, message: `sector is een van: ${PATH_SECTORS.join(', ')}` })
  sectors: PathSector[];

  @ApiProperty({ type: [PathPhaseDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PathPhaseDto)
  phases: PathPhaseDto[];
}

export class CreatePathDto {
  @ApiProperty({ example: 'startbekwaam-vakbekwaam' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'padcode: kleine letters, cijfers en streepjes, 2 tot 63 tekens' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ type: PathVersionContentDto, description: 'De inhoud van versie 1 (concept).' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PathVersionContentDto)
  content: PathVersionContentDto;
}

export class DraftVersionDto {
  @ApiPropertyOptional({ type: PathVersionContentDto, description: 'Zonder: een kopie van de nieuwste versie.' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PathVersionContentDto)
  content?: PathVersionContentDto;
}

export class UpdateDraftDto {
  @ApiProperty({ type: PathVersionContentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PathVersionContentDto)
  content: PathVersionContentDto;
}

export class PathVersionSummaryResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
}

export class PathResponse {
  @ApiProperty({ format: 'uuid' }) pathId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: Number, description: 'De nieuwste gepubliceerde versie.' }) currentVersion: number | null;
  @ApiProperty({ type: [PathVersionSummaryResponse] }) versions: PathVersionSummaryResponse[];
}

export class PathVersionResponse {
  @ApiProperty({ format: 'uuid' }) pathId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ type: PathVersionContentDto }) content: PathVersionContentDto;
}
