import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '@napl/auth';
import { decodeCursor, limitOf, Optional, type Page, pageOf, PageQuery, PageView } from '@napl/service-kit';
import { QualityError } from '../../shared/quality-error';
import { HistoryEntryEntity } from '../infrastructure/history-entry.entity';

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Alle geschiedenis van één aanbod (beoordelingen, keurmerken, signalen).' })
  @Optional()
  @IsUUID()
  offerId?: string;

  @ApiPropertyOptional({ enum: ['framework', 'assessment', 'mark', 'assessor-link', 'offer'] })
  @Optional()
  @IsIn(['framework', 'assessment', 'mark', 'assessor-link', 'offer'])
  subjectType?: string;

  @ApiPropertyOptional()
  @Optional()
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

export class HistoryPageView extends PageView {
  @ApiProperty({ type: [HistoryEntryView] }) items: HistoryEntryView[];
}

@ApiTags('history')
@ApiBearerAuth()
@Controller('v1/history')
export class HistoryController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('assessor', 'ministry', 'admin')
  @ApiOperation({ summary: 'Geschiedenis: elke score, beslissing en wijziging met wie, wanneer en waarom (oudste eerst).' })
  @ApiOkResponse({ type: HistoryPageView })
  @ApiForbiddenResponse({ description: 'Alleen beoordelaars, ministerie en beheer.' })
  async list(@Query() query: HistoryQuery): Promise<Page<HistoryEntryView>> {
    if (!query.offerId && !query.subjectId && !query.subjectType) {
      throw new QualityError('OUT_OF_SCOPE', 'invalid', 'Geef een aanbod (offerId) of een onderwerp (subjectType, subjectId) op.');
    }
    // Oldest first, in the order written, a page at a time (keyset on recorded_at, seq).
    const limit = limitOf(query);
    const after = decodeCursor(query.cursor, ['timestamp', 'integer']);
    const builder = this.dataSource.getRepository(HistoryEntryEntity).createQueryBuilder('h');
    if (query.offerId) builder.andWhere('h.offer_id = :offerId', { offerId: query.offerId });
    if (query.subjectType) builder.andWhere('h.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) builder.andWhere('h.subject_id = :subjectId', { subjectId: query.subjectId });
    if (after) builder.andWhere('(h.recorded_at, h.seq) > (:recordedAt::timestamptz, :seq::bigint)', { recordedAt: after[0], seq: after[1] });
    const rows = await builder.orderBy('h.recorded_at', 'ASC').addOrderBy('h.seq', 'ASC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (row) => [row.recordedAt.toISOString(), Number(row.seq)], ({ seq: _seq, ...entry }) => entry);
  }
}
