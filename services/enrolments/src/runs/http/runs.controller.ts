import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { RUN_ENROLMENT_STATES, type RunEnrolment } from '@napl/domain';
import { Optional, PageQuery, PageView, type Page } from '@napl/service-kit';
import { UuidParam } from '../../shared/uuid-param';
import { RunsQueries, type RunView } from '../application/runs.queries';

export class RunsFilterDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  offerId?: string;

  @ApiPropertyOptional({
    description:
      'Alleen uitvoeringen waarbij inschrijven nu dit doet, komma-gescheiden: open (een plaats), waiting-list (vol: de wachtlijst), closed.',
    example: 'open,waiting-list',
  })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value))
  @IsIn(RUN_ENROLMENT_STATES, { each: true })
  enrolment?: RunEnrolment[];

  @ApiPropertyOptional({ deprecated: true, description: 'Verouderd (vervalt in v2): open=true is enrolment=open,waiting-list.' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

/** The filter asked for; the deprecated open=true meant "takes enrolments, waiting list included". */
function enrolmentFilter(filter: RunsFilterDto): readonly RunEnrolment[] | undefined {
  if (filter.enrolment) return filter.enrolment;
  if (filter.open === true) return ['open', 'waiting-list'];
  if (filter.open === false) return ['closed'];
  return undefined;
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
  @ApiProperty({ description: 'Vrije plaatsen; 0 als de uitvoering vol is, nooit negatief.' }) placesLeft: number;
  @ApiProperty() waitingListLength: number;
  @ApiProperty() teamProgramme: boolean;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiProperty({
    enum: RUN_ENROLMENT_STATES,
    description: 'Wat inschrijven nu doet: open (een plaats), waiting-list (vol: op de wachtlijst), closed (geannuleerd, termijn verstreken of begonnen).',
  })
  enrolment: RunEnrolment;
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
    return this.runs.list({ offerId: filter.offerId, enrolment: enrolmentFilter(filter) }, filter);
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
