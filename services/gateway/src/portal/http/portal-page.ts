import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReactElement } from 'react';
import { hasRole, type Principal, type Role } from '@napl/auth';
import { AllowAnonymous, GatewayAccess, type GatewayRequest } from '../../callers/http/gateway-access.guard';
import { renderDocument } from '../ui/layout';
import { PortalErrorFilter } from './portal-error.filter';

/**
 * A controller of portal pages: checked by the gateway's guard like every route (session, rate limit, CSRF token on
 * every post), open to anonymous callers so the page itself can send them to sign in, errors as Dutch HTML pages.
 * Not part of the API document.
 */
export const PortalPages = (prefix = ''): ClassDecorator =>
  applyDecorators(ApiExcludeController(), GatewayAccess(), AllowAnonymous(), UseFilters(PortalErrorFilter), Controller(prefix));

/** Not signed in: the error filter sends the browser to sign in and back to this page. */
export class SignInRequired extends Error {}

/** Signed in without a role this page is for: a Dutch 403 page. */
export class RoleRequired extends Error {
  constructor(readonly roles: readonly Role[]) {
    super(`one of the roles ${roles.join(', ')} is required`);
  }
}

/** The signed-in caller, who must have one of `roles` (none given: any role). */
export function principalOf(request: GatewayRequest, ...roles: Role[]): Principal {
  const principal = request.caller?.principal;
  if (!principal) throw new SignInRequired();
  if (roles.length > 0 && !hasRole(principal, ...roles)) throw new RoleRequired(roles);
  return principal;
}

/** Renders a page for this request (with its user, CSRF token and path) and sends it. */
export function sendPage(request: GatewayRequest, response: Response, page: ReactElement, status = 200): void {
  const html = renderDocument(page, { principal: request.caller?.principal, csrfToken: request.caller?.csrfToken, path: request.path });
  response.status(status).type('html').send(html);
}

/**
 * After a successful post, to a page (Post/Redirect/Get: reloading the page does not post again). `notice` is a key
 * the target page turns into its own text, never text from the request.
 */
export function redirectAfterPost(response: Response, path: string, notice?: string): void {
  const url = new URL(path, 'http://portal');
  if (notice) url.searchParams.set('melding', notice);
  response.redirect(303, `${url.pathname}${url.search}`);
}
