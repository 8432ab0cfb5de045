import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent } from '@napl/service-kit';
import { OfferService } from '../../offers/application/offer.service';
import type { OfferView } from '../../offers/application/offer-views';
import { OfferListQuery } from '../../offers/http/offer.dto';
import { OfferPageResponse } from '../../offers/http/offer.responses';
import { ApiProblemResponses } from '../../shared/api-responses';
import { providerIdPipe } from '../../shared/id-pipes';
import type { Page } from '../../shared/pagination';
import { providerIdOf } from '../../shared/principal-scope';
import { ProviderService, type ProviderView } from '../application/provider.service';
import { ProviderListQuery, ProviderPageResponse, ProviderResponse, RegisterProviderDto } from './provider.dto';

@ApiTags('aanbieders')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('v1/providers')
export class ProvidersController {
  constructor(
    private readonly providers: ProviderService,
    private readonly offers: OfferService,
  ) {}

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Beheer: een aanbieder registreren (KvK-nummer wordt op vorm gecontroleerd)' })
  @ApiCreatedResponse({ type: ProviderResponse })
  @ApiConflictResponse({ description: 'Er is al een aanbieder met dit KvK-nummer of deze id.' })
  register(@Body() body: RegisterProviderDto): Promise<ProviderView> {
    return this.providers.register(body);
  }

  @Get()
  @ApiOperation({ summary: 'Aanbieders, op naam' })
  @ApiOkResponse({ type: ProviderPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ProviderListQuery): Promise<Page<ProviderView>> {
    return this.providers.list(principal, query.page, query.pageSize, query.kvkNumber);
  }

  @Get('me')
  @Roles('provider')
  @ApiOperation({ summary: 'De eigen aanbieder' })
  @ApiOkResponse({ type: ProviderResponse })
  me(@CurrentPrincipal() principal: Principal): Promise<ProviderView> {
    return this.providers.mine(principal);
  }

  @Get('me/offers')
  @Roles('provider')
  @ApiOperation({ summary: 'Het eigen aanbod, oudste wijziging eerst; met updated_since alleen wat sindsdien zichtbaar veranderde' })
  @ApiOkResponse({ type: OfferPageResponse })
  myOffers(@CurrentPrincipal() principal: Principal, @Query() query: OfferListQuery): Promise<Page<OfferView>> {
    return this.offers.listForProvider(principal, providerIdOf(principal), {
      updatedSince: query.updated_since ? new Date(query.updated_since) : undefined,
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get(':providerId')
  @ApiOperation({ summary: 'Eén aanbieder (contactgegevens alleen voor de aanbieder zelf en beheer)' })
  @ApiOkResponse({ type: ProviderResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('providerId', providerIdPipe) providerId: string): Promise<ProviderView> {
    return this.providers.get(principal, providerId);
  }

  @Get(':providerId/offers')
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'Het aanbod van een aanbieder (de aanbieder zelf of beheer)' })
  @ApiOkResponse({ type: OfferPageResponse })
  offersOf(
    @CurrentPrincipal() principal: Principal,
    @Param('providerId', providerIdPipe) providerId: string,
    @Query() query: OfferListQuery,
  ): Promise<Page<OfferView>> {
    return this.offers.listForProvider(principal, providerId, {
      updatedSince: query.updated_since ? new Date(query.updated_since) : undefined,
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
