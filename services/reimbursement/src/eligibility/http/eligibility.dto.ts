import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, PageQuery, PageView } from '@napl/service-kit';
import { ELIGIBILITY_REASONS, type EligibilityReason } from '../domain/eligibility';

/** Up to EUR 1 million per cost type and enrolment: beyond it is a typing error, not a cost of taking part. */
const MAX_COST_CENTS = 100_000_000;

export class RegionEnrolmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ELIGIBILITY_REASONS, description: 'Alleen inschrijvingen met deze uitkomst, bijvoorbeeld ELIGIBLE.' })
  @Optional()
  @IsIn(ELIGIBILITY_REASONS, { message: `reason is een van: ${ELIGIBILITY_REASONS.join(', ')}` })
  reason?: EligibilityReason;
}

export class ReviewCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'approved', 'rejected'], default: 'open' })
  @Optional()
  @IsIn(['open', 'approved', 'rejected'], { message: 'status is open, approved of rejected' })
  status?: string;
}

export class DeclareCostsDto {
  @ApiProperty({ description: 'Studiemateriaal, in eurocenten.', minimum: 0, maximum: MAX_COST_CENTS, example: 12_000 })
  @IsInt({ message: 'materialsCents is een heel aantal eurocenten' })
  @Min(0)
  @Max(MAX_COST_CENTS)
  materialsCents: number;

  @ApiProperty({ description: 'Studieverlof (uren maal het vaste tarief), in eurocenten.', minimum: 0, maximum: MAX_COST_CENTS })
  @IsInt({ message: 'studyLeaveCents is een heel aantal eurocenten' })
  @Min(0)
  @Max(MAX_COST_CENTS)
  studyLeaveCents: number;

  @ApiProperty({ description: 'Vervanging tijdens de scholing, in eurocenten.', minimum: 0, maximum: MAX_COST_CENTS })
  @IsInt({ message: 'substituteCoverCents is een heel aantal eurocenten' })
  @Min(0)
  @Max(MAX_COST_CENTS)
  substituteCoverCents: number;
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'], { message: 'decision is approved of rejected' })
  decision: 'approved' | 'rejected';

  @ApiProperty({ description: 'Waarom: ten minste 10 tekens.', minLength: 10, maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class OutcomeResponse {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ nullable: true, type: String, example: 'utrecht-stad' }) regionId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12AB00' }) schoolId: string | null;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) enrolledOn: string | null;
  @ApiProperty({ nullable: true, type: Number }) budgetYear: number | null;
  @ApiProperty({ enum: ELIGIBILITY_REASONS }) reason: EligibilityReason;
  @ApiProperty({ example: 'Komt in aanmerking voor vergoeding.' }) reasonText: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ description: 'Wat vergoed zou worden, in eurocenten.' }) amountCents: number;
  @ApiProperty({ nullable: true, type: Number }) ruleVersion: number | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class OutcomePage extends PageView {
  @ApiProperty({ type: [OutcomeResponse] }) items: OutcomeResponse[];
}

export class ReviewCaseResponse {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ enum: ['open', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) regionId: string | null;
  @ApiProperty() amountCents: number;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class ReviewCasePage extends PageView {
  @ApiProperty({ type: [ReviewCaseResponse] }) items: ReviewCaseResponse[];
}
