import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Optional, PageQuery, PageView } from '@napl/service-kit';

export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'partly-approved', 'rejected'] as const;
export const LINE_DECISIONS = ['approved', 'rejected'] as const;
/** The most lines one claim may hold: a large region's quarter, checked in one pass. */
export const MAX_CLAIM_LINES = 5_000;

export class CreateClaimDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_CLAIM_LINES, description: 'De inschrijvingen, elk één keer; één regel per inschrijving, in deze volgorde.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Noem ten minste één inschrijving.' })
  @ArrayMaxSize(MAX_CLAIM_LINES, { message: `Een declaratie heeft ten hoogste ${MAX_CLAIM_LINES} regels.` })
  @ArrayUnique({ message: 'Een inschrijving staat twee keer in de declaratie.' })
  @IsUUID('all', { each: true, message: 'Elke inschrijving is een UUID.' })
  enrolmentIds: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Het eigen kenmerk van de regio voor de administratie.' })
  @Optional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class LineDecisionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'lineNo is een geheel getal.' })
  @Min(1)
  @Max(MAX_CLAIM_LINES)
  lineNo: number;

  @ApiProperty({ enum: LINE_DECISIONS })
  @IsIn(LINE_DECISIONS, { message: 'decision is approved of rejected.' })
  decision: 'approved' | 'rejected';

  @ApiPropertyOptional({ maxLength: 2000, description: 'Verplicht bij een afwijzing.' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ enum: LINE_DECISIONS, description: 'Eén besluit voor alle regels; of geef lines.' })
  @Optional()
  @IsIn(LINE_DECISIONS, { message: 'decision is approved of rejected.' })
  decision?: 'approved' | 'rejected';

  @ApiPropertyOptional({ maxLength: 2000, description: 'De reden; verplicht bij afwijzen.' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: [LineDecisionDto], description: 'Een besluit per regel, voor elke ingediende regel.' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineDecisionDto)
  lines?: LineDecisionDto[];
}

export class AmendmentDto {
  @ApiProperty({ minLength: 10, maxLength: 4000, description: 'Waarom het besluit verandert (verplicht).' })
  @Optional()
  @IsString({ message: 'Een wijziging heeft een toelichting (note) nodig.' })
  @MaxLength(4000)
  note?: string;

  @ApiProperty({ type: [LineDecisionDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Noem ten minste één regel.' })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineDecisionDto)
  lines: LineDecisionDto[];
}

export class ClaimListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @Optional()
  @IsIn(CLAIM_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Alleen voor het ministerie: de declaraties van één regio.' })
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'regionId is een code als utrecht-stad' })
  regionId?: string;
}

export class ClaimLineResponse {
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ description: 'In eurocenten.' }) amountCents: number;
  @ApiProperty() budgetYear: number;
  @ApiProperty() ruleVersion: number;
  @ApiProperty({ enum: ['draft', 'submitted', 'approved', 'rejected'] }) state: string;
  @ApiProperty({ nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ enum: ['unpaid', 'paid', 'awaiting-claw-back', 'clawed-back'] }) paymentState: string;
}

export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() regionId: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: string;
  @ApiProperty() reference: string;
  @ApiProperty() lineCount: number;
  @ApiProperty({ description: 'In eurocenten: bij een concept het bedrag van vandaag, na indienen het vastgelegde.' }) totalCents: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
  @ApiPropertyOptional({ type: [ClaimLineResponse] }) lines?: ClaimLineResponse[];
}

export class ClaimPageResponse extends PageView {
  @ApiProperty({ type: [ClaimResponse] }) items: ClaimResponse[];
}
