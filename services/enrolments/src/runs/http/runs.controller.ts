import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID } from 'class-validator';
import { Optional, PageQuery, PageView, type Page } from '@napl/service-kit';
import { UuidParam } from '../../shared/uuid-param';
import { RunsQueries, type RunView } from '../application/runs.queries';

export class RunsFilterDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  offerId?: string;

  @ApiPropertyOptional({ description: 'Alleen uitvoeringen waarvoor nu ingeschreven kan worden.' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class RunViewDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ nullable: true, type: String }) offerTitle: string | null;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ example: '2027-02-01' }) startDate: string;
  @ApiProperty({ example: '2027-06-30' }) endDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) enrolmentDeadline: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty() sessionCount: number;
  @ApiProperty() placesTaken: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty() waitingListLength: number;
  @ApiProperty() teamProgramme: boolean;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiProperty() openForEnrolment: boolean;
}

export class RunPageDto extends PageView {
  @ApiProperty({ type: [RunViewDto] }) items: RunViewDto[];
}

@ApiTags('runs')
@ApiBearerAuth()
@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsQueries) {}

  @Get()
  @ApiOperation({ summary: 'Uitvoeringen die deze dienst kent (uit de catalogus), met vrije plaatsen en wachtlijst.' })
  @ApiOkResponse({ type: RunPageDto })
  list(@Query() filter: RunsFilterDto): Promise<Page<RunView>> {
    return this.runs.list({ offerId: filter.offerId, openOnly: filter.open }, filter);
  }

  @Get(':runId')
  @ApiOperation({ summary: 'Eén uitvoering met vrije plaatsen en wachtlijst.' })
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiOkResponse({ type: RunViewDto })
  @ApiNotFoundResponse({ description: 'Onbekende uitvoering.' })
  get(@UuidParam('runId') runId: string): Promise<RunView> {
    return this.runs.get(runId);
  }
}
