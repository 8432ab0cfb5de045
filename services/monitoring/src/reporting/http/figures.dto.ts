import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate, Optional } from '@napl/service-kit';

export class AsOfQuery {
  @ApiPropertyOptional({ format: 'date', example: '2027-01-31', description: 'De cijfers zoals ze aan het eind van deze dag waren (Europe/Amsterdam); zonder: vandaag.' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json', description: 'json of csv' })
  @Optional()
  @IsIn(EXPORT_FORMATS, { message: 'format is json of csv' })
  format?: ExportFormat;
}

export class TopicFreshnessResponse {
  @ApiProperty({ example: 'napl.enrolments.participation.v1' }) topic: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Tijd van de laatste verwerkte gebeurtenis van dit topic; null: nog niets gelezen.' })
  readUpTo: string | null;
}

export class FiguresResponse {
  @ApiProperty({ enum: ['participants', 'enrolments', 'paths', 'quality', 'money', 'eligibility', 'forecast'] }) table: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ example: 'monitoring-rules-1', description: 'Versie van de regels (onderdrukking, schooljaar, prognosemethode).' }) rulesVersion: string;
  @ApiProperty({ type: [TopicFreshnessResponse] }) freshness: TopicFreshnessResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'De cijfers. Een onderdrukte cel heeft waarde null en `suppressed`: small (minder dan 5 leraren) of complement (zodat de andere niet is af te leiden).',
  })
  figures: object;
}

export class ExportRowResponse {
  @ApiProperty() section: string;
  @ApiProperty() key: string;
  @ApiProperty() measure: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true }) value: number | string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['small', 'complement'] }) suppressed: string | null;
}

export class ExportResponse {
  @ApiProperty() table: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ type: [TopicFreshnessResponse] }) freshness: TopicFreshnessResponse[];
  @ApiProperty({ type: [ExportRowResponse] }) rows: ExportRowResponse[];
}
