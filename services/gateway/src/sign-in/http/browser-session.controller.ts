import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLES, Roles } from '@napl/auth';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../callers/application/gateway-settings';
import { GatewayAccess, type GatewayRequest } from '../../callers/http/gateway-access.guard';
import { SessionStore } from '../application/session-store';
import { SignInError } from '../domain/sign-in.errors';
import { endBrowserSession } from './session-cookie';
import { SessionDto } from './session.dto';

@ApiTags('sign-in')
@GatewayAccess()
@Controller('auth')
export class BrowserSessionController {
  constructor(
    private readonly sessions: SessionStore,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  @Get('session')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Wie is aangemeld (rollen en bereik), en bij een browsersessie het CSRF-token voor schrijfacties.' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'Niet aangemeld.' })
  session(@Req() request: GatewayRequest): SessionDto {
    const caller = request.caller!;
    return { principal: { ...caller.principal, roles: [...caller.principal.roles] }, via: caller.via, csrfToken: caller.csrfToken ?? null };
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'De browsersessie beëindigen (met X-CSRF-Token); de cookie vervalt.' })
  @ApiNoContentResponse({ description: 'Afgemeld.' })
  @ApiForbiddenResponse({ description: 'Geen of een verkeerd CSRF-token.' })
  async logout(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!(await endBrowserSession(request, response, this.sessions, this.settings))) {
      throw new SignInError('NOT_A_SESSION', 'invalid', 'Afmelden geldt alleen voor een browsersessie; een token trekt u in bij de uitgever of als API-token.');
    }
  }
}
