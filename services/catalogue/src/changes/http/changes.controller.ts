import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { ApiProblemResponses } from '../../shared/api-responses';
import { providerIdOf } from '../../shared/principal-scope';
import { ChangeFeedService, type ChangeFeedPage } from '../application/change-feed.service';
import { CHANGE_KINDS } from '../infrastructure/provider-change.entity';

export class ChangeFeedQuery {
  @ApiPropertyOptional({ description: 'De nextCursor van het vorige antwoord; leeg: vanaf het begin.' })
  @Optional()
  @IsString()
  @MaxLength(20)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

class ChangeResponse {
  @ApiProperty() cursor: string;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty() offerVersion: number;
  @ApiProperty({ enum: CHANGE_KINDS }) kind: string;
  @ApiProperty({ description: 'Bijv. de redenen van de beoordelaar bij afkeuring.', type: 'object', additionalProperties: true })
  detail: Record<string, unknown>;
  @ApiProperty() occurredAt: string;
}

class ChangeFeedResponse {
  @ApiProperty({ type: [ChangeResponse] }) items: ChangeResponse[];
  @ApiProperty() nextCursor: string;
  @ApiProperty() hasMore: boolean;
}

@ApiTags('wijzigingen')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('v1/providers/me/changes')
export class ChangesController {
  constructor(private readonly feed: ChangeFeedService) {}

  @Get()
  @Roles('provider')
  @ApiOperation({
    summary: 'Wijzigingsfeed: besluiten over het eigen aanbod (ingediend, gepubliceerd, afgekeurd met redenen, geschorst, teruggetrokken), op volgorde',
  })
  @ApiOkResponse({ type: ChangeFeedResponse })
  changes(@CurrentPrincipal() principal: Principal, @Query() query: ChangeFeedQuery): Promise<ChangeFeedPage> {
    return this.feed.read(providerIdOf(principal), query.after, query.limit);
  }
}
