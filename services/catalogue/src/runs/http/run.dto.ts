import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RUN_ENROLMENT_STATES, type RunEnrolment } from '@napl/domain';
import { IsCalendarDate, IsTimestamp, Optional, OptionalOrNull } from '@napl/service-kit';
import { PageQuery } from '../../shared/pagination';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SessionDto {
  @ApiProperty({ example: '2027-02-03' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '15:30' })
  @Matches(TIME, { message: 'moet een tijd zijn (UU:MM)' })
  startTime: string;

  @ApiProperty({ example: '18:00' })
  @Matches(TIME, { message: 'moet een tijd zijn (UU:MM)' })
  endTime: string;

  @ApiPropertyOptional({ example: 'Leerdoelen en succescriteria' })
  @Optional()
  @IsString()
  @MaxLength(200)
  topic?: string;
}

/** A run's plan as a provider sends it (schedule and replace). */
export class RunPlanDto {
  @ApiProperty({ example: '2027-02-03' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-04-14' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ type: [SessionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];

  @ApiProperty()
  @IsBoolean()
  online: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'Zwolle, Campus Windesheim' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(300)
  location: string | null = null;

  @ApiProperty({ minimum: 1, example: 16 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiPropertyOptional({ nullable: true, example: '2027-01-20T23:59:00+01:00' })
  @OptionalOrNull()
  @IsTimestamp()
  enrolmentDeadline: string | null = null;

  @ApiPropertyOptional({ nullable: true, description: 'Prijs per deelnemer voor deze uitvoering in eurocent; leeg: de prijs van het aanbod.' })
  @OptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents: number | null = null;
}

/**
 * A JSON merge patch (RFC 7396) of a run's plan: only the fields sent change, null clears location,
 * enrolmentDeadline or priceCents; null for any other field is refused. No defaults here: absent must stay absent.
 */
export class RunPlanPatchDto {
  @ApiPropertyOptional({ example: '2027-02-03' })
  @Optional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-04-14' })
  @Optional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ type: [SessionDto], description: 'Vervangt de hele lijst bijeenkomsten.' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions?: SessionDto[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'Zwolle, Campus Windesheim' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(300)
  location?: string | null;

  @ApiPropertyOptional({ minimum: 1, example: 20 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ nullable: true, example: '2027-01-20T23:59:00+01:00' })
  @OptionalOrNull()
  @IsTimestamp()
  enrolmentDeadline?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Prijs per deelnemer voor deze uitvoering in eurocent; null: de prijs van het aanbod.' })
  @OptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents?: number | null;
}

export class CancelRunDto {
  @ApiProperty({ example: 'Te weinig aanmeldingen.' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class RunListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Alleen uitvoeringen die sindsdien veranderden (ISO 8601).' })
  @Optional()
  @IsTimestamp()
  updated_since?: string;
}

export class RunResponse {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ description: 'De versie van het aanbod waarin deelnemers zich inschrijven.' }) offerVersion: number;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty() online: boolean;
  @ApiProperty({ nullable: true }) location: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Vrije plaatsen (0 als de uitvoering vol is, nooit negatief), volgens de gebeurtenissen van de inschrijvingenservice.' })
  placesLeft: number;
  @ApiProperty({
    enum: RUN_ENROLMENT_STATES,
    description: 'Wat inschrijven nu doet: open (een plaats), waiting-list (vol: op de wachtlijst), closed (geannuleerd, termijn verstreken of begonnen).',
  })
  enrolment: RunEnrolment;
  @ApiProperty({ nullable: true }) enrolmentDeadline: string;
  @ApiProperty({ nullable: true }) priceCents: number;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true }) cancelReason: string;
  @ApiProperty() updatedAt: string;
}

export class RunPageResponse {
  @ApiProperty({ type: [RunResponse] }) items: RunResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
