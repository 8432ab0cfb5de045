import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { RUN_ENROLMENT_STATES, type RunEnrolment } from '@napl/domain';
import { IsCalendarDate, Optional } from '@napl/service-kit';
import { DELIVERY_MODES, FORMATS, PATH_STEP_CODE_PATTERN, REGION_ID_PATTERN, SECTORS } from '../../offers/domain/offer-vocabulary';
import { PageQuery } from '../../shared/pagination';
import { toBoolean, toList } from '../../shared/query-transforms';
import { EXACT_TOTAL_UP_TO } from '../application/offer-search';

export class OfferSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Zoektekst (Nederlands; "zinnen", OR en -woord werken).', example: 'formatief evalueren' })
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Sectoren, komma-gescheiden.', example: 'po,vo' })
  @Optional()
  @Transform(toList)
  @IsIn(SECTORS, { each: true })
  sector?: string[];

  @ApiPropertyOptional({ description: 'Onderwijsregio; landelijk aanbod telt overal mee.', example: 'utrecht-stad' })
  @Optional()
  @Matches(REGION_ID_PATTERN, { message: 'is geen geldige regiocode' })
  region?: string;

  @ApiPropertyOptional({ description: 'Stappen van ontwikkelpaden, komma-gescheiden.' })
  @Optional()
  @Transform(toList)
  @Matches(PATH_STEP_CODE_PATTERN, { each: true, message: 'bevat een ongeldige stapcode' })
  pathStep?: string[];

  @ApiPropertyOptional({ description: 'Vormen, komma-gescheiden.', enum: FORMATS })
  @Optional()
  @Transform(toList)
  @IsIn(FORMATS, { each: true })
  format?: string[];

  @ApiPropertyOptional({ description: 'Werkvormen, komma-gescheiden.', enum: DELIVERY_MODES })
  @Optional()
  @Transform(toList)
  @IsIn(DELIVERY_MODES, { each: true })
  mode?: string[];

  @ApiPropertyOptional({ description: 'Minimale prijs per deelnemer in eurocent.' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPriceCents?: number;

  @ApiPropertyOptional({ description: 'Maximale prijs per deelnemer in eurocent.' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  maxPriceCents?: number;

  @ApiPropertyOptional({ description: 'Alleen aanbod met een uitvoering die op of na deze datum start.', example: '2027-01-01' })
  @Optional()
  @IsCalendarDate()
  startsFrom?: string;

  @ApiPropertyOptional({ description: 'Alleen aanbod met een uitvoering die uiterlijk op deze datum start.', example: '2027-06-30' })
  @Optional()
  @IsCalendarDate()
  startsUntil?: string;

  @ApiPropertyOptional({
    description:
      'Alleen aanbod met een komende uitvoering waarbij inschrijven nu dit doet, komma-gescheiden: open (een plaats), waiting-list ' +
      '(vol: de wachtlijst), closed (termijn verstreken). De bezette plaatsen volgen de gebeurtenissen van de inschrijvingenservice; zie de README.',
    example: 'open,waiting-list',
  })
  @Optional()
  @Transform(toList)
  @IsIn(RUN_ENROLMENT_STATES, { each: true })
  enrolment?: RunEnrolment[];

  @ApiPropertyOptional({ deprecated: true, description: 'Verouderd (vervalt in v2): openPlaces=true is enrolment=open.' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  openPlaces?: boolean;

  @ApiPropertyOptional({ description: 'Alleen teamprogramma’s (true) of juist niet (false).' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  teamProgramme?: boolean;

  @ApiPropertyOptional({ enum: ['relevance', 'start-date'], default: 'relevance' })
  @Optional()
  @IsIn(['relevance', 'start-date'])
  sort: 'relevance' | 'start-date' = 'relevance';
}

export class OfferSearchHitResponse {
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ enum: FORMATS }) format: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: string;
  @ApiProperty() studyLoadHours: number;
  @ApiProperty() priceCents: number;
  @ApiProperty({ type: [String] }) regionIds: string[];
  @ApiProperty() national: boolean;
  @ApiProperty({ type: [String] }) pathStepCodes: string[];
  @ApiProperty() teamProgramme: boolean;
  @ApiProperty({ nullable: true }) nextStartDate: string;
  @ApiProperty() rank: number;
}

export class OfferSearchPageResponse {
  @ApiProperty({ type: [OfferSearchHitResponse] }) items: OfferSearchHitResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;

  @ApiProperty({
    description:
      `Aantal gevonden aanbiedingen: tot en met ${EXACT_TOTAL_UP_TO} altijd exact; daarboven kan het een ondergrens zijn ` +
      `(zie totalIsExact): minstens ${EXACT_TOTAL_UP_TO}, of meer als deze pagina verder reikt.`,
    example: 137,
  })
  total: number;

  @ApiProperty({
    description:
      `true: total is het exacte aantal. false: er zijn minstens total treffers (toon bijvoorbeeld "${EXACT_TOTAL_UP_TO}+"); ` +
      'tellen stopt bij die grens omdat een exact aantal even duur is als alle treffers lezen. Een pagina die niet vol is, is ' +
      'de laatste (total is dan exact, net als voorbij de laatste pagina); bij false kan een volgende pagina nog treffers hebben.',
    example: true,
  })
  totalIsExact: boolean;
}
