import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { cookieOf, GATEWAY_SETTINGS, type GatewaySettings } from '../../callers/application/gateway-settings';
import { AllowAnonymous, GatewayAccess } from '../../callers/http/gateway-access.guard';
import { FinishSignIn } from '../application/finish-sign-in';
import { StartSignIn } from '../application/start-sign-in';
import { SESSION_ABSOLUTE_HOURS, SIGN_IN_ATTEMPT_MINUTES } from '../domain/session-rules';
import { sessionCookieOptions } from './session-cookie';

const SIGN_IN_COOKIE = 'napl_sign_in';

/**
 * The browser's sign-in: redirects, not an API (so not in the API document; docs/api-conventions.md and the README
 * describe them). GET /auth/login?returnTo=/path sends the browser to the issuer; the issuer sends it back to
 * /auth/callback, which starts the session and returns to the path.
 */
@ApiExcludeController()
@GatewayAccess()
@AllowAnonymous()
@Controller('auth')
export class SignInController {
  constructor(
    private readonly start: StartSignIn,
    private readonly finish: FinishSignIn,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  @Get('login')
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { state, redirectTo } = await this.start.execute(returnTo);
    // Lax: the issuer's redirect back is a top-level navigation from another site, which Strict would strip.
    response.cookie(SIGN_IN_COOKIE, state, {
      httpOnly: true,
      secure: this.settings.secureCookies,
      sameSite: 'lax',
      path: '/auth',
      maxAge: SIGN_IN_ATTEMPT_MINUTES * 60_000,
    });
    response.redirect(302, redirectTo);
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const callbackUrl = new URL(request.originalUrl, this.settings.publicUrl);
    response.clearCookie(SIGN_IN_COOKIE, { path: '/auth', httpOnly: true, secure: this.settings.secureCookies, sameSite: 'lax' });
    const { sessionId, returnTo } = await this.finish.execute(callbackUrl, cookieOf(request.headers.cookie, SIGN_IN_COOKIE));
    response.cookie(this.settings.sessionCookie, sessionId, { ...sessionCookieOptions(this.settings), maxAge: SESSION_ABSOLUTE_HOURS * 3600_000 });
    response.redirect(302, returnTo);
  }
}
