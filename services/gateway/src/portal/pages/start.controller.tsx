import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../callers/application/gateway-settings';
import type { GatewayRequest } from '../../callers/http/gateway-access.guard';
import { SessionStore } from '../../sign-in/application/session-store';
import { endBrowserSession, sessionCookieOptions } from '../../sign-in/http/session-cookie';
import { PortalPages, sendPage } from '../http/portal-page';
import { ButtonLink, Heading, Paragraph } from '../ui/components';
import { Layout } from '../ui/layout';
import { navigationFor, ROLE_NAMES } from '../ui/navigation';

/** The start page (what the service is, and sign in) and, once signed in, the way to each of the user's tasks. */
@PortalPages()
export class StartPagesController {
  constructor(
    private readonly sessions: SessionStore,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  @Get()
  start(@Req() request: GatewayRequest, @Res() response: Response): void {
    const principal = request.caller?.principal;
    if (!principal) {
      sendPage(
        request,
        response,
        <Layout title="Professionaliseren als leraar">
          <Paragraph lead>
            Leraren in het primair onderwijs, voortgezet onderwijs en mbo vinden hier erkend professionaliseringsaanbod, schrijven zich in en
            volgen hun ontwikkelpad. Opleiders, beoordelaars, onderwijsregio&apos;s en het ministerie werken hier ook.
          </Paragraph>
          <Paragraph>U logt in met het account van uw school of organisatie.</Paragraph>
          <ButtonLink href="/auth/login?returnTo=%2F">Inloggen</ButtonLink>
        </Layout>,
      );
      return;
    }
    const items = navigationFor(principal.roles);
    sendPage(
      request,
      response,
      <Layout title="Welkom">
        <Paragraph lead>U bent aangemeld als {principal.roles.map((role) => ROLE_NAMES[role]).join(' en ')}. Wat wilt u doen?</Paragraph>
        <Heading level={2}>Uw taken</Heading>
        <ul className="napl-cards">
          {items.map((item) => (
            <li className="napl-card" key={item.href}>
              <a className="utrecht-link" href={item.href}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  }

  /** Signing out from a page: the form posts the session's CSRF token; the session ends and its cookie goes. */
  @Post('afmelden')
  async signOut(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    // A session that had ended already still leaves its cookie behind: drop that too.
    if (!(await endBrowserSession(request, response, this.sessions, this.settings))) {
      response.clearCookie(this.settings.sessionCookie, sessionCookieOptions(this.settings));
    }
    response.redirect(303, '/');
  }
}
