import {
  applyDecorators,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { hasRole, type Role } from '@napl/auth';
import { permissionFor } from '../../api-tokens/domain/api-token';
import { RateLimiter } from '../../rate-limits/application/rate-limiter';
import { routeClassOf } from '../../rate-limits/domain/rate-limit-policy';
import { routeOf } from '../../routing/domain/service-routes';
import { csrfTokenMatches } from '../../sign-in/domain/session-rules';
import { AuthenticateCaller, InvalidCredential } from '../application/authenticate-caller';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../application/gateway-settings';
import { callerKey, type Caller } from '../application/caller';
import { clientAddressOf } from '../domain/client-address';
import { CallerError } from '../domain/caller.errors';

// The platform guard's metadata (libs/auth/src/auth.guard.ts): a gateway route is "public" to the platform guard,
// which knows only Bearer tokens, and checked by GatewayAccessGuard instead, which also knows sessions and API
// tokens. @Roles keeps its meaning and its place in the OpenAPI document.
const PLATFORM_PUBLIC = 'napl:public';
const PLATFORM_ROLES = 'napl:roles';
const ANONYMOUS_ALLOWED = 'napl:gateway:anonymous';

/** Every route of the gateway: its caller is authenticated, rate-limited and checked here. */
export const GatewayAccess = (): ClassDecorator & MethodDecorator => applyDecorators(SetMetadata(PLATFORM_PUBLIC, true), UseGuards(GatewayAccessGuard));

/** A gateway route that also anonymous callers may use (sign-in, the proxy: the service decides then). */
export const AllowAnonymous = (): MethodDecorator & ClassDecorator => SetMetadata(ANONYMOUS_ALLOWED, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GatewayRequest extends Request {
  caller?: Caller;
  /** The caller's address as the gateway believes it (clientAddressOf). */
  clientAddress?: string;
  principal?: Caller['principal'];
}

/**
 * The gateway's check of every request, in order: who is calling (session cookie, API token, or the issuer's
 * access token); the rate limit (per caller and route class, or per address without a valid credential); the
 * route's roles; for a session, the CSRF token on every write; for an API token, its permission for the service.
 */
@Injectable()
export class GatewayAccessGuard implements CanActivate {
  constructor(
    private readonly authenticate: AuthenticateCaller,
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    const address = clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.settings.trustedProxyHops);
    request.clientAddress = address;

    const anonymousAllowed = this.reflector.getAllAndOverride<boolean>(ANONYMOUS_ALLOWED, targets) === true;
    let caller: Caller | undefined;
    try {
      caller = await this.authenticate.execute({ authorization: request.headers.authorization, cookie: request.headers.cookie });
    } catch (error) {
      if (!(error instanceof InvalidCredential)) throw error;
      // Guessing tokens counts against the address.
      await this.limit(response, `ip:${address}`, 'anonymous');
      // An ended session must not keep its browser from signing in again, or from the public routes.
      if (!(error.credential === 'session' && anonymousAllowed)) {
        throw new UnauthorizedException({ message: 'Het toegangstoken of de sessie is ongeldig of verlopen; meld u opnieuw aan.', code: 'UNAUTHENTICATED' });
      }
    }
    // Known before the limit, so a refused request is logged and audited with its caller.
    if (caller) {
      request.caller = caller;
      request.principal = caller.principal;
    }
    const routeClass = routeClassOf(request.method, request.path);
    if (caller) await this.limit(response, callerKey(caller), routeClass);
    else await this.limit(response, `ip:${address}`, routeClass === 'sign-in' ? 'sign-in' : 'anonymous');
    if (!caller) {
      if (anonymousAllowed) return true;
      throw new UnauthorizedException({ message: 'Niet aangemeld: meld u aan of stuur een geldig toegangstoken (Bearer) mee.', code: 'UNAUTHENTICATED' });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PLATFORM_ROLES, targets);
    if (roles && !hasRole(caller.principal, ...roles)) throw new ForbiddenException('U heeft geen rol die deze handeling mag uitvoeren.');
    if (!SAFE_METHODS.has(request.method)) this.checkWrite(request, caller);
    if (caller.via === 'api-token') this.checkPermission(request, caller);
    return true;
  }

  private async limit(response: Response, key: string, routeClass: Parameters<RateLimiter['hit']>[1]): Promise<void> {
    if (!this.settings.rateLimits) return;
    const verdict = await this.limiter.hit(key, routeClass);
    response.setHeader('RateLimit-Limit', String(verdict.limit));
    response.setHeader('RateLimit-Remaining', String(verdict.remaining));
    response.setHeader('RateLimit-Reset', String(verdict.resetSeconds));
    if (!verdict.allowed) {
      response.setHeader('Retry-After', String(verdict.resetSeconds));
      throw new HttpException(
        { message: `Te veel verzoeken; probeer het over ${verdict.resetSeconds} seconden opnieuw.`, code: 'TOO_MANY_REQUESTS' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /**
   * A write with the session cookie must repeat the session's CSRF token (X-CSRF-Token), which only the gateway's own
   * pages can read, and come from an allowed origin: another site can make the browser send the cookie, not the token.
   */
  private checkWrite(request: GatewayRequest, caller: Caller): void {
    if (caller.via !== 'session') return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(this.settings.publicUrl).origin && !this.settings.corsOrigins.includes(origin)) {
      throw new CallerError('CSRF_TOKEN_MISSING', 'forbidden', 'Dit verzoek komt van een andere website en is geweigerd.');
    }
    // From a script: the X-CSRF-Token header; from a portal page's HTML form: its hidden field `_csrf`.
    const given = request.headers['x-csrf-token'] ?? formCsrfToken(request.body);
    if (!csrfTokenMatches(caller.csrfToken ?? '', typeof given === 'string' ? given : undefined)) {
      throw new CallerError('CSRF_TOKEN_MISSING', 'forbidden', 'Het CSRF-token ontbreekt of klopt niet (kop X-CSRF-Token); vraag het op bij GET /auth/session.');
    }
  }

  /** An API token reaches only the services and actions it was made for, and none of the gateway's own routes. */
  private checkPermission(request: GatewayRequest, caller: Caller): void {
    const route = routeOf(request.path);
    const needed = route ? permissionFor(route.service, request.method) : undefined;
    if (needed === undefined || !caller.permissions?.includes(needed)) {
      throw new CallerError('PERMISSION_MISSING', 'forbidden', `Dit API-token heeft de vereiste toestemming niet${needed ? ` (${needed})` : ''}.`, {
        required: needed ?? null,
      });
    }
  }
}

function formCsrfToken(body: unknown): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)._csrf : undefined;
}
