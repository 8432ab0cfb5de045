import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { PageQuery, type Page } from '@napl/service-kit';
import { GatewayAccess } from '../../callers/http/gateway-access.guard';
import { CreateApiToken } from '../application/create-api-token';
import { ListApiTokens } from '../application/list-api-tokens';
import { RevokeApiToken } from '../application/revoke-api-token';
import { RotateApiToken } from '../application/rotate-api-token';
import type { ApiTokenView, CreatedApiToken } from '../application/api-token-views';
import { apiTokenNotFound } from '../domain/api-token.errors';
import { ApiTokenDto, ApiTokenPageDto, CreatedApiTokenDto, CreateApiTokenDto, RotateApiTokenDto } from './api-token.dto';

/** An id that is not a UUID names no token: the same 404 as an unknown one. */
const tokenIdPipe = new ParseUUIDPipe({ exceptionFactory: () => apiTokenNotFound() });

@ApiTags('api-tokens')
@ApiBearerAuth()
@GatewayAccess()
@Controller('v1/api-tokens')
export class ApiTokensController {
  constructor(
    private readonly create: CreateApiToken,
    private readonly list: ListApiTokens,
    private readonly rotate: RotateApiToken,
    private readonly revoke: RevokeApiToken,
  ) {}

  @Post()
  @Roles('provider')
  @ApiOperation({ summary: 'Een API-token maken voor het systeem van de eigen opleider; het token is alleen in dit antwoord te zien.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiForbiddenResponse({ description: 'Geen opleider, of een aanmelding zonder opleider.' })
  createToken(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.create.execute(principal, body);
  }

  @Get()
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'De API-tokens van de eigen opleider (beheerders: alle), nieuwste eerst, ook verlopen en ingetrokken; nooit het token zelf.' })
  @ApiOkResponse({ type: ApiTokenPageDto })
  listTokens(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<ApiTokenView>> {
    return this.list.execute(principal, query);
  }

  @Get(':tokenId')
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'Eén API-token: rechten, verloopdatum, laatst gebruikt.' })
  @ApiParam({ name: 'tokenId', format: 'uuid' })
  @ApiOkResponse({ type: ApiTokenDto })
  @ApiNotFoundResponse({ description: 'Onbekend, of van een andere opleider (hetzelfde antwoord).' })
  oneToken(@CurrentPrincipal() principal: Principal, @Param('tokenId', tokenIdPipe) tokenId: string): Promise<ApiTokenView> {
    return this.list.one(principal, tokenId);
  }

  @Post(':tokenId/rotate')
  @Roles('provider')
  @ApiOperation({ summary: 'Een API-token vervangen door een nieuw; het oude werkt nog de overlap (standaard 24 uur) en vervalt dan.' })
  @ApiParam({ name: 'tokenId', format: 'uuid' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiNotFoundResponse({ description: 'Onbekend, of van een andere opleider (hetzelfde antwoord).' })
  @ApiConflictResponse({ description: 'Het token is al verlopen of ingetrokken.' })
  rotateToken(
    @CurrentPrincipal() principal: Principal,
    @Param('tokenId', tokenIdPipe) tokenId: string,
    @Body() body: RotateApiTokenDto,
  ): Promise<CreatedApiToken> {
    return this.rotate.execute(principal, tokenId, body);
  }

  @Delete(':tokenId')
  @HttpCode(200)
  @Roles('provider', 'admin')
  @ApiOperation({ summary: 'Een API-token direct intrekken (de opleider zelf, of een beheerder bij een gelekt token).' })
  @ApiParam({ name: 'tokenId', format: 'uuid' })
  @ApiOkResponse({ type: ApiTokenDto })
  @ApiNotFoundResponse({ description: 'Onbekend, of van een andere opleider (hetzelfde antwoord).' })
  revokeToken(@CurrentPrincipal() principal: Principal, @Param('tokenId', tokenIdPipe) tokenId: string): Promise<ApiTokenView> {
    return this.revoke.execute(principal, tokenId);
  }
}
