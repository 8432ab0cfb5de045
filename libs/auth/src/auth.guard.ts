import {
  applyDecorators,
  createParamDecorator,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { hasRole, type Principal, type Role } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const PUBLIC_METADATA = 'napl:public';
const ROLES_METADATA = 'napl:roles';

/** OpenAPI extensions saying who may call an operation: the platform's hostile-input suite reads them. */
export const OPENAPI_PUBLIC = 'x-napl-public';
export const OPENAPI_ROLES = 'x-napl-roles';

/**
 * Marks an endpoint that needs no token (health, OpenAPI). Everything else does. It says so in the OpenAPI
 * document too, so callers and the conformance suite know without reading the code.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_METADATA, true), ApiExtension(OPENAPI_PUBLIC, true));

/**
 * The roles that may call an endpoint; scope (whose data) is checked by the use case itself. Also written into the
 * OpenAPI document (a method's own list wins over its class's, as in the guard).
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_METADATA, roles), ApiExtension(OPENAPI_ROLES, roles));

interface RequestWithPrincipal extends Request {
  principal?: Principal;
}

/** The caller of the current request, as verified by the AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new UnauthorizedException('Niet aangemeld.');
  return principal;
});

/** Verifies the bearer token of every request and checks the endpoint's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Events come through the Kafka consumer, not from a caller with a token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('Niet aangemeld: een geldig toegangstoken (Bearer) is vereist.');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException('Het toegangstoken is ongeldig of verlopen.');
      throw error;
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
    if (allowed && !hasRole(request.principal, ...allowed)) {
      throw new ForbiddenException('U heeft geen rol die deze handeling mag uitvoeren.');
    }
    return true;
  }
}
