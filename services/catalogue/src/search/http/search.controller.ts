import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/api-responses';
import { OfferSearch, type OfferSearchPage } from '../application/offer-search';
import { OfferSearchPageResponse, OfferSearchQuery } from './search.dto';

@ApiTags('zoeken')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('v1/search')
export class SearchController {
  constructor(private readonly search: OfferSearch) {}

  @Get('offers')
  @ApiOperation({ summary: 'Gepubliceerd aanbod zoeken: Nederlandse tekst, filters, op relevantie of startdatum' })
  @ApiOkResponse({ type: OfferSearchPageResponse })
  offers(@Query() query: OfferSearchQuery): Promise<OfferSearchPage> {
    return this.search.search({
      q: query.q,
      sectors: query.sector,
      regionId: query.region,
      pathStepCodes: query.pathStep,
      formats: query.format,
      deliveryModes: query.mode,
      minPriceCents: query.minPriceCents,
      maxPriceCents: query.maxPriceCents,
      startsFrom: query.startsFrom,
      startsUntil: query.startsUntil,
      // openPlaces=true, deprecated, meant places left: enrolment=open.
      enrolment: query.enrolment ?? (query.openPlaces ? ['open'] : undefined),
      teamProgramme: query.teamProgramme,
      sort: query.sort,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
