import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { PATH_SECTORS, type PathSector } from '../../paths/domain/path-definition';

/** Region ids are slugs like `utrecht-stad`, the way the catalogue and reimbursement name regions. */
const REGION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,59}$/;

export class StartPathDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'pathId moet een UUID zijn' })
  pathId: string;

  @ApiProperty({ enum: PATH_SECTORS })
  @IsIn(PATH_SECTORS, { message: `sector is een van: ${PATH_SECTORS.join(', ')}` })
  sector: PathSector;
}

export class MoveVersionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(999999)
  version: number;

  @ApiPropertyOptional({ description: 'Alleen laten zien wat er meegaat, niet overstappen.' })
  @Optional()
  @IsBoolean()
  preview?: boolean;
}

export class RecognitionDto {
  @ApiProperty({ description: 'Waar het bewijs ligt (dossiernummer of verwijzing in de eigen administratie), niet het bewijs zelf.' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  evidenceReference: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class WithdrawRecognitionDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class SuggestionsQueryDto {
  @ApiPropertyOptional({ example: 'utrecht-stad', description: 'De onderwijsregio van de leraar; zonder: alleen landelijk en online aanbod.' })
  @Optional()
  @IsString()
  @Matches(REGION_ID_PATTERN, { message: 'regionId is een code als utrecht-stad' })
  regionId?: string;
}

export class ConsentDto {
  @ApiProperty({ description: 'true: de schoolleider mag mijn voortgang zien; false: alleen in de aantallen.' })
  @IsBoolean()
  given: boolean;
}

/** Step codes in paths: letters, digits, dot, dash, underscore; anything else names no step. */
export const STEP_CODE_PARAM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class StepViewResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() phase: string;
  @ApiProperty({ type: [String] }) competenceAreas: string[];
  @ApiProperty({ type: [String] }) learningOutcomes: string[];
  @ApiProperty({ enum: ['not-started', 'in-progress', 'completed'] }) status: string;
  @ApiProperty({ enum: ['offers', 'recognition'], nullable: true, type: String }) completedBy: string | null;
  @ApiProperty() hoursCounted: number;
  @ApiProperty({ nullable: true, type: Number }) hoursRequired: number | null;
  @ApiProperty({ type: [String] }) formatsRequired: string[];
  @ApiProperty({ type: [String] }) formatsMissing: string[];
}

export class TeacherPathResponse {
  @ApiProperty({ format: 'uuid' }) teacherPathId: string;
  @ApiProperty() teacherId: string;
  @ApiProperty({ format: 'uuid' }) pathId: string;
  @ApiProperty() pathCode: string;
  @ApiProperty() pathTitle: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: PATH_SECTORS }) sector: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty() completedSteps: number;
  @ApiProperty() totalSteps: number;
  @ApiProperty({ type: [StepViewResponse] }) steps: StepViewResponse[];
}

export class RecognitionResponse {
  @ApiProperty({ format: 'uuid' }) recognitionId: string;
  @ApiProperty() stepCode: string;
  @ApiProperty() evidenceReference: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['assessor', 'school-leader'] }) recognisedByRole: string;
  @ApiProperty({ format: 'date-time' }) recognisedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason: string | null;
}

export class ConsentResponse {
  @ApiProperty() teacherId: string;
  @ApiProperty() given: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) givenAt: string | null;
}

