import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent } from '@napl/service-kit';
import { ApiProblemResponses } from '../../shared/api-responses';
import { OfferService } from '../application/offer.service';
import type { OfferView, VersionView } from '../application/offer-views';
import { offerIdPipe, versionPipe } from '../../shared/id-pipes';
import { OfferContentDto, WithdrawOfferDto } from './offer.dto';
import { OfferResponse, VersionResponse } from './offer.responses';


@ApiTags('aanbod')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('v1/offers')
export class OffersController {
  constructor(private readonly offers: OfferService) {}

  @Post()
  @Roles('provider')
  @Idempotent()
  @ApiOperation({ summary: 'Nieuw aanbod als concept (versie 1) van de eigen organisatie' })
  @ApiCreatedResponse({ type: OfferResponse })
  create(@CurrentPrincipal() principal: Principal, @Body() body: OfferContentDto): Promise<OfferView> {
    return this.offers.create(principal, body);
  }

  @Get(':offerId')
  @ApiOperation({ summary: 'Een aanbod: de aanbieder ziet de nieuwste versie, anderen de gepubliceerde' })
  @ApiOkResponse({ type: OfferResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string): Promise<OfferView> {
    return this.offers.get(principal, offerId);
  }

  @Put(':offerId')
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'Inhoud vervangen: een concept wordt bijgewerkt, gepubliceerd aanbod krijgt een nieuwe versie' })
  @ApiOkResponse({ type: OfferResponse })
  @ApiConflictResponse({ description: 'De versie wordt beoordeeld, of het aanbod is teruggetrokken.' })
  update(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string, @Body() body: OfferContentDto): Promise<OfferView> {
    return this.offers.update(principal, offerId, body);
  }

  @Delete(':offerId')
  @Roles('provider', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Een concept verwijderen (gepubliceerd aanbod wordt nooit verwijderd, alleen teruggetrokken)' })
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  @ApiConflictResponse({ description: 'Geen concept.' })
  async delete(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string): Promise<void> {
    await this.offers.delete(principal, offerId);
  }

  @Post(':offerId/submit')
  @Roles('provider', 'admin')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'De nieuwste versie indienen voor kwaliteitsbeoordeling (publiceert OfferSubmitted)' })
  @ApiOkResponse({ type: OfferResponse })
  @ApiConflictResponse({ description: 'Geen concept om in te dienen.' })
  @ApiUnprocessableEntityResponse({ description: 'Voldoet niet aan de geldende publicatieregels (per veld de reden).' })
  submit(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string): Promise<OfferView> {
    return this.offers.submit(principal, offerId);
  }

  @Post(':offerId/withdraw')
  @Roles('provider', 'admin')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Aanbod terugtrekken: geen nieuwe inschrijvingen meer (publiceert OfferWithdrawn)' })
  @ApiOkResponse({ type: OfferResponse })
  @ApiConflictResponse({ description: 'Al teruggetrokken, of een concept (verwijder dat).' })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string, @Body() body: WithdrawOfferDto): Promise<OfferView> {
    return this.offers.withdraw(principal, offerId, body.reason);
  }

  @Post(':offerId/reinstate')
  @Roles('admin')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Beheer: een per ongeluk teruggetrokken aanbod herstellen' })
  @ApiOkResponse({ type: OfferResponse })
  @ApiConflictResponse({ description: 'Niet teruggetrokken.' })
  reinstate(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string): Promise<OfferView> {
    return this.offers.reinstate(principal, offerId);
  }

  @Get(':offerId/versions')
  @ApiOperation({ summary: 'De versies van een aanbod (anderen dan de aanbieder zien alleen gepubliceerde versies)' })
  @ApiOkResponse({ type: [VersionResponse] })
  versions(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string): Promise<VersionView[]> {
    return this.offers.versions(principal, offerId);
  }

  @Get(':offerId/versions/:version')
  @ApiOperation({ summary: 'Eén versie, ook een oude: de versie waarin een leraar zich inschreef blijft op te vragen' })
  @ApiOkResponse({ type: VersionResponse })
  version(@CurrentPrincipal() principal: Principal, @Param('offerId', offerIdPipe) offerId: string, @Param('version', versionPipe) version: number): Promise<VersionView> {
    return this.offers.versionOf(principal, offerId, version);
  }
}
