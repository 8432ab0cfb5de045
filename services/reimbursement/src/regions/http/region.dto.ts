import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional, PageView } from '@napl/service-kit';
import { REGION_ID_MAX_LENGTH, REGION_ID_PATTERN, REGION_KINDS, type RegionKind } from '../domain/budget';

export const MONEY_MESSAGE = 'moet een bedrag in hele centen zijn: een geheel getal van 0 of meer (geen tekst, geen decimalen)';

export class SaveRegionDto {
  @ApiProperty({ example: 'Utrecht Stad' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: REGION_KINDS, description: 'area: een regio op gemeentegrenzen; national: een van de landelijke regio’s.' })
  @IsIn(REGION_KINDS, { message: `soort is een van: ${REGION_KINDS.join(', ')}` })
  kind: RegionKind;

  @ApiPropertyOptional({ example: 'Stichting Onderwijsregio Utrecht', description: 'De penvoerder. Weggelaten: blijft zoals het was.' })
  @Optional()
  @IsString()
  @MaxLength(200)
  leadApplicant?: string;

  @ApiPropertyOptional({ description: 'false sluit de regio (nooit verwijderd). Weggelaten: blijft zoals het was (nieuw: actief).' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class CreateRegionDto extends SaveRegionDto {
  @ApiProperty({ example: 'utrecht-stad', description: 'Het id waarmee tokens en events de regio noemen: kleine letters, cijfers en streepjes.' })
  @IsString()
  @MaxLength(REGION_ID_MAX_LENGTH)
  @Matches(REGION_ID_PATTERN, { message: 'moet een regio-id van kleine letters, cijfers en streepjes zijn, bijvoorbeeld utrecht-stad' })
  regionId: string;
}

export class RegionResponse {
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGION_KINDS }) kind: string;
  @ApiProperty() leadApplicant: string;
  @ApiProperty() active: boolean;
}

export class RegionPageResponse extends PageView {
  @ApiProperty({ type: [RegionResponse] }) items: RegionResponse[];
}

export class AssignSchoolLocationDto {
  @ApiProperty({ example: 'utrecht-stad', description: 'De onderwijsregio waartoe de vestiging hoort (hoogstens één).' })
  @IsString()
  @MaxLength(REGION_ID_MAX_LENGTH)
  @Matches(REGION_ID_PATTERN, { message: 'moet een regio-id van kleine letters, cijfers en streepjes zijn, bijvoorbeeld utrecht-stad' })
  regionId: string;

  @ApiPropertyOptional({ example: 'OBS De Regenboog', description: 'Weggelaten: blijft zoals het was.' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class SchoolLocationResponse {
  @ApiProperty({ example: '12AB00' }) schoolId: string;
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SchoolLocationPageResponse extends PageView {
  @ApiProperty({ type: [SchoolLocationResponse] }) items: SchoolLocationResponse[];
}

export class AllocateBudgetDto {
  @ApiProperty({ example: 150_000_000, description: 'Het budget van de regio voor dit kalenderjaar, in hele centen (het nieuwe totaal).' })
  @IsInt({ message: MONEY_MESSAGE })
  @Min(0, { message: MONEY_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, { message: MONEY_MESSAGE })
  amountCents: number;
}

export class AllocationResponse {
  @ApiProperty() regionId: string;
  @ApiProperty() year: number;
  @ApiProperty() amountCents: number;
  @ApiProperty({ example: '2025-2028' }) trancheCode: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class YearBudgetResponse {
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String }) trancheCode: string | null;
  @ApiProperty() allocatedCents: number;
  @ApiProperty({ description: 'Vastgelegd en nog niet betaald of vrijgegeven.' }) committedCents: number;
  @ApiProperty() paidCents: number;
  @ApiProperty() clawedBackCents: number;
  @ApiProperty({ description: 'Toegekend − vastgelegd − (betaald − teruggevorderd).' }) availableCents: number;
}

export class ReleaseTrancheDto {
  @ApiProperty({ example: 'Tussenevaluatie 2028 positief; Kamerbrief van 12 december 2028.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note: string;
}

export class TrancheResponse {
  @ApiProperty({ example: '2025-2028' }) code: string;
  @ApiProperty() firstYear: number;
  @ApiProperty() lastYear: number;
  @ApiProperty() amountCents: number;
  @ApiProperty() allocatedCents: number;
  @ApiProperty() leftCents: number;
  @ApiProperty() conditional: boolean;
  @ApiProperty({ description: 'Onvoorwaardelijk, of voorwaardelijk en vrijgegeven.' }) released: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) releasedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) releaseNote: string | null;
}

