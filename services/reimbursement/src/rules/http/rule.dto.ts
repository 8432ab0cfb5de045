import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate, Optional, OptionalOrNull, PageView } from '@napl/service-kit';
import { COST_TYPES, type CostType } from '../domain/reimbursement-rule';

const MONEY_MESSAGE = 'moet een bedrag in hele centen zijn: een geheel getal van 0 of meer (geen tekst, geen decimalen)';
const PARTICIPATION_KINDS = ['started', 'completed'] as const;

export class ParticipationDto {
  @ApiProperty({ enum: PARTICIPATION_KINDS, description: 'started: begonnen telt; completed: afgerond met ten minste de minimale aanwezigheid.' })
  @IsIn(PARTICIPATION_KINDS, { message: 'deelname is started of completed' })
  kind: 'started' | 'completed';

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Bij completed (verplicht): het deel van de bijeenkomsten dat bijgewoond moet zijn, in procenten.' })
  @ValidateIf((dto: ParticipationDto) => dto.kind === 'completed' || dto.minimumAttendancePercent !== undefined)
  @IsDefined({ message: 'is verplicht bij completed' })
  @IsInt()
  @Min(0)
  @Max(100)
  minimumAttendancePercent?: number;
}

export class RuleContentDto {
  @ApiProperty({ example: '2026-08-01', description: 'Geldt voor inschrijvingen op of na deze datum, tot de ingangsdatum van een volgende versie.' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ enum: COST_TYPES, isArray: true, description: 'Welke kosten meetellen.' })
  @IsArray()
  @ArrayMaxSize(COST_TYPES.length)
  @IsIn(COST_TYPES, { each: true, message: `soort kosten is een van: ${COST_TYPES.join(', ')}` })
  costTypes: CostType[];

  @ApiProperty({ example: 5000, minimum: 1, maximum: 10_000, description: 'Het vergoede deel van de kosten in basispunten (5000 = 50 %).' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  percentageBasisPoints: number;

  @ApiProperty({ example: 100_000, description: 'Maximum per deelnemer per aanbod, in hele centen.' })
  @IsInt({ message: MONEY_MESSAGE })
  @Min(0, { message: MONEY_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: MONEY_MESSAGE })
  maxPerParticipantPerOfferCents: number;

  @ApiProperty({ example: 150_000, description: 'Maximum per deelnemer per schooljaar (1 augustus tot 31 juli), in hele centen.' })
  @IsInt({ message: MONEY_MESSAGE })
  @Min(0, { message: MONEY_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: MONEY_MESSAGE })
  maxPerParticipantPerSchoolYearCents: number;

  @ApiProperty({ type: ParticipationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipationDto)
  participation: ParticipationDto;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 90_000, description: 'Bedragen hierboven gaan naar de beoordelingswachtrij van het ministerie; weggelaten of null: nooit.' })
  @OptionalOrNull()
  @IsInt({ message: MONEY_MESSAGE })
  @Min(0, { message: MONEY_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: MONEY_MESSAGE })
  reviewAboveCents?: number | null;

  @ApiPropertyOptional({ description: 'Waarom deze versie (de regeling die zij volgt).' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RuleVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ example: '2026-08-01' }) validFrom: string;
  @ApiProperty({ enum: COST_TYPES, isArray: true }) costTypes: string[];
  @ApiProperty() percentageBasisPoints: number;
  @ApiProperty() maxPerParticipantPerOfferCents: number;
  @ApiProperty() maxPerParticipantPerSchoolYearCents: number;
  @ApiProperty({ type: ParticipationDto }) participation: ParticipationDto;
  @ApiProperty({ nullable: true, type: Number }) reviewAboveCents: number | null;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ type: [String], description: 'Bij een concept: wat publiceren nog in de weg staat.' }) problems: string[];
}

export class RuleVersionPageResponse extends PageView {
  @ApiProperty({ type: [RuleVersionResponse] }) items: RuleVersionResponse[];
}
