import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Optional, PageQuery, PageView } from '@napl/service-kit';

export const STATEMENT_STATUSES = ['open', 'payable', 'paid'] as const;

export class StatementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATEMENT_STATUSES })
  @Optional()
  @IsIn(STATEMENT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Alleen voor het ministerie: de overzichten van één regio.' })
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'regionId is een code als utrecht-stad' })
  regionId?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @Optional()
  @IsIn(['csv', 'json'], { message: 'format is csv of json' })
  format?: 'csv' | 'json';
}

export class PayStatementDto {
  @ApiPropertyOptional({ maxLength: 64, description: 'Het kenmerk van de overboeking (een code, geen vrije tekst: het gaat mee in PaymentIssued); zonder: NAPL-<regio>-<periode>.' })
  @Optional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { message: 'paymentReference is een code van letters, cijfers en . _ / - (zonder spaties)' })
  paymentReference?: string;
}

export class StatementItemResponse {
  @ApiProperty() itemId: string;
  @ApiProperty({ enum: ['payment', 'claw-back'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() budgetYear: number;
  @ApiProperty({ description: 'In eurocenten, altijd positief; kind zegt welke kant op.' }) amountCents: number;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class StatementResponse {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() regionId: string;
  @ApiProperty({ example: '2027-Q1' }) period: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ enum: STATEMENT_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) payableAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paymentReference: string | null;
  @ApiProperty() itemCount: number;
  @ApiProperty() paymentsCents: number;
  @ApiProperty() clawBacksCents: number;
  @ApiProperty({ description: 'Betalingen min terugvorderingen.' }) netCents: number;
  @ApiPropertyOptional({ type: [StatementItemResponse] }) items?: StatementItemResponse[];
}

export class StatementPageResponse extends PageView {
  @ApiProperty({ type: [StatementResponse] }) items: StatementResponse[];
}

export class CloseDueResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) statementIds: string[];
}
