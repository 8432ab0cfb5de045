import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { Roles } from '@napl/auth';
import { QualityError } from '../../shared/quality-error';
import { HistoryEntryEntity } from '../infrastructure/history-entry.entity';

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Alle geschiedenis van één aanbod (beoordelingen, keurmerken, signalen).' })
  @IsOptional()
  @IsUUID()
  offerId?: string;

  @ApiPropertyOptional({ enum: ['framework', 'assessment', 'mark', 'assessor-link', 'offer'] })
  @IsOptional()
  @IsIn(['framework', 'assessment', 'mark', 'assessor-link', 'offer'])
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;
}

export class HistoryEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) offerId: string | null;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty() action: string;
  @ApiProperty({ description: 'Het pseudonieme subject van wie het deed, of "system".' }) actor: string;
  @ApiProperty({ nullable: true }) reason: string | null;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
  @ApiProperty() recordedAt: Date;
}

@ApiTags('history')
@ApiBearerAuth()
@Controller('v1/history')
export class HistoryController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('assessor', 'ministry', 'admin')
  @ApiOperation({ summary: 'Geschiedenis: elke score, beslissing en wijziging met wie, wanneer en waarom (oudste eerst).' })
  @ApiOkResponse({ type: [HistoryEntryView] })
  @ApiForbiddenResponse({ description: 'Alleen beoordelaars, ministerie en beheer.' })
  async list(@Query() query: HistoryQuery): Promise<HistoryEntryView[]> {
    if (!query.offerId && !query.subjectId && !query.subjectType) {
      throw new QualityError('OUT_OF_SCOPE', 'invalid', 'Geef een aanbod (offerId) of een onderwerp (subjectType, subjectId) op.');
    }
    const where: FindOptionsWhere<HistoryEntryEntity> = {};
    if (query.offerId) where.offerId = query.offerId;
    if (query.subjectType) where.subjectType = query.subjectType;
    if (query.subjectId) where.subjectId = query.subjectId;
    const rows = await this.dataSource.getRepository(HistoryEntryEntity).find({ where, order: { recordedAt: 'ASC' }, take: 1000 });
    return rows.map((row) => ({ ...row }));
  }
}
